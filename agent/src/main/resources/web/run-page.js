// #/runs/ID : one run followed live: header and controls, chart, experiments, event log (Server-Sent Events).

import { api, runPath } from './api.js';
import { drawChart } from './chart.js';
import { controlGroup } from './controls.js';
import { h, append, clear, errorBox, labTime, wallTime, badge } from './dom.js';
import { number, pct, strategyName, safeUrl, parameterList, phaseList, eventText, resumedText } from './format.js';
import { stepsTable, designFacts } from './goal-page.js';

const LOG_CAP = 500;
const TERMINAL = new Set(['finished', 'aborted', 'failed']);

export function runView(main, id) {
  let stopped = false;
  let source = null;
  let detail = null;
  let lastSeq = 0;
  let refetchTimer = null;
  let refetching = false;
  let refetchAgain = false;
  let missing = false;
  const openNotes = new Set();

  const error = errorBox();
  const heading = h('div', { class: 'run-head' },
    h('h1', {}, 'Run ', h('span', { class: 'mono', text: id })));
  const status = h('span', { testid: 'run-status', class: 'badge large other', text: '…' });
  heading.append(status);
  const goal = h('p', { class: 'run-goal' });
  const statusReason = h('p', { class: 'status-reason', hidden: true });
  const stopLine = h('p', { class: 'status-reason', hidden: true });
  const resumedLine = h('p', { class: 'status-reason', testid: 'resumed-line', hidden: true });
  const notesList = h('ul', { class: 'status-reason', testid: 'run-notes', hidden: true });
  const facts = h('dl', { class: 'facts' });
  const consolePre = h('pre', { class: 'console', testid: 'console-tail' });
  const consoleSummary = h('summary', { text: 'What the campaign process printed last' });
  const consoleWrap = h('details', { class: 'console-wrap', hidden: true }, consoleSummary, consolePre);
  let consoleOpened = false;

  const planWrap = h('details', { class: 'console-wrap', hidden: true, testid: 'run-plan' },
    h('summary', { text: 'Plan and search space' }));
  let planShown = false;

  const controls = controlGroup({
    title: 'Operator control',
    subject: `run ${id}`,
    act: async (action, reason) => {
      const r = await api('POST', `${runPath(id)}/${action}`, { reason: reason || null });
      refetch();
      return (r && r.message) || `${action} sent`;
    },
  });

  // A failed run journaled nothing: its directory (what was asked, what the process printed) is all there is of it.
  const removeError = errorBox();
  const removeButton = h('button', { type: 'button', class: 'danger', testid: 'remove-button', text: 'Remove' });
  const removeYes = h('button', { type: 'button', class: 'danger confirm', testid: 'confirm-remove', text: 'Yes, remove' });
  const removeNo = h('button', { type: 'button', text: 'Keep it' });
  const removeConfirm = h('div', { class: 'confirm-box', role: 'group', 'aria-label': 'Confirm the removal', hidden: true },
    h('span', { text: `Remove run ${id}? Its directory (what was asked and what its process printed) is deleted; `
      + 'the journal holds nothing of it.' }), removeYes, removeNo);
  const removePanel = h('section', { class: 'panel', 'aria-label': 'Remove this run', hidden: true },
    h('h2', { text: 'Remove this run' }),
    h('p', { class: 'muted', text: 'The campaign ended before it journaled anything, so there is nothing to resume.' }),
    removeButton, removeConfirm, removeError.node);
  removeButton.addEventListener('click', () => { removeConfirm.hidden = false; removeNo.focus(); });
  removeNo.addEventListener('click', () => { removeConfirm.hidden = true; removeButton.focus(); });
  removeYes.addEventListener('click', async () => {
    removeYes.disabled = true;
    removeError.clear();
    try {
      await api('DELETE', runPath(id));
      location.hash = '#/';
    } catch (e) {
      removeError.show(e.message);
      removeYes.disabled = false;
    }
  });

  const chartBox = h('div', { testid: 'fraction-chart', role: 'img', 'aria-label': 'Target fraction per experiment' });
  const chartSection = h('section', { class: 'panel', 'aria-label': 'Target fraction per experiment' },
    h('h2', { text: 'Target fraction per experiment' }), chartBox,
    h('div', { class: 'legend', 'aria-hidden': 'true' },
      h('span', {}, h('span', { class: 'swatch dot' }), 'experiment'),
      h('span', {}, h('span', { class: 'swatch' }), 'best so far'),
      h('span', {}, h('span', { class: 'swatch goal' }), 'goal')));

  const log = h('ol', { class: 'log', testid: 'event-log', 'aria-label': 'Event log, newest at the bottom', tabindex: 0 });
  const logStatus = h('p', { class: 'log-status', role: 'status', text: 'connecting…' });
  let logDropped = 0;
  const logSection = h('section', { 'aria-label': 'Event log' }, log, logStatus);

  const expBody = h('tbody');
  const expEmpty = h('p', { class: 'muted', text: 'No experiment analysed yet.' });
  const expTable = h('div', { class: 'table-wrap', hidden: true },
    h('table', { testid: 'experiments-table' },
      h('thead', {}, h('tr', {},
        ['#', 'Parameters', 'Verdict', 'Phases', 'Target', 'Rwp', 'Decision', 'Notes', 'XRD']
          .map((t, i) => h('th', { scope: 'col', class: [0, 4, 5].includes(i) ? 'num' : null, text: t })))),
      expBody));

  const body = h('div', { hidden: true },
    h('div', { class: 'grid-2' }, h('div', {}, h('section', { class: 'panel', 'aria-label': 'About this run' }, facts), controls.node,
      removePanel), chartSection),
    consoleWrap, planWrap,
    h('h2', { text: 'Experiments' }), expEmpty, expTable,
    h('h2', { text: 'Event log' }), logSection);
  const notFound = h('p', { hidden: true }, h('a', { href: '#/', text: 'See the runs' }), ' this server knows.');
  append(main, [heading, goal, statusReason, resumedLine, notesList, stopLine, error.node, notFound, body]);
  controls.setEnabled({ pause: false, resume: false, abort: false }); // until the run's status is known

  function showSummary(sum) {
    detail = { ...(detail || {}), ...sum };
    body.hidden = false;
    const st = detail.status || 'unknown';
    status.textContent = st;
    status.className = `badge large ${['starting', 'running', 'paused', 'interrupted', 'finished', 'aborted', 'failed'].includes(st) ? st : 'other'}`;
    goal.textContent = detail.goal || 'The journal does not hold this run’s goal.';
    goal.classList.toggle('muted', !detail.goal);
    statusReason.hidden = !detail.statusReason;
    statusReason.textContent = detail.statusReason
      ? `${st === 'paused' ? 'Paused' : st === 'failed' ? 'Failed' : 'Why'}: ${detail.statusReason}` : '';
    stopLine.hidden = !detail.stopReason && !detail.stopExplanation;
    clear(stopLine);
    if (!stopLine.hidden) {
      stopLine.append(h('strong', { text: `Stopped${detail.stopReason ? ' (' + detail.stopReason + ')' : ''}` }),
        detail.stopExplanation ? `: ${detail.stopExplanation}` : '');
    }
    resumedLine.hidden = !detail.resumed;
    clear(resumedLine);
    if (detail.resumed) {
      resumedLine.append(h('strong', { text: 'Taken up from the journal' }), ' after an interruption, ',
        wallTime(detail.resumed.at), `, ${resumedText(detail.resumed)}`);
    }
    const notes = Array.isArray(detail.notes) ? detail.notes : [];
    notesList.hidden = !notes.length;
    clear(notesList);
    for (const n of notes) notesList.append(h('li', {}, h('strong', { text: 'Note: ' }), n));
    clear(facts);
    const rows = [
      ['Target', `${detail.target || '—'}${typeof detail.targetFraction === 'number' ? `, goal ≥ ${pct(detail.targetFraction)} of the sample` : ''}`],
      ['Budget', `${detail.experiments ?? (detail.results || []).length} of ${detail.budget ?? '?'} experiments done`],
      ['Best', detail.best ? `${pct(detail.best.targetFraction)} in experiment ${detail.best.index}` : '—'],
      ['Strategy', strategyName(detail.strategy)],
      ['Lab', detail.dryRun === false ? 'the real lab' : 'simulated lab (dry run)'],
    ];
    for (const [k, v] of rows) facts.append(h('dt', { text: k }), h('dd', { text: v }));
    facts.append(h('dt', { text: 'Started' }), h('dd', {}, wallTime(detail.createdAt)),
      h('dt', { text: 'Lab clock' }), h('dd', {}, labTime(detail.startedAt), ' → ', labTime(detail.lastEventAt),
        h('span', { class: 'muted small', text: detail.dryRun === false ? '' : ' (simulated)' })));

    const terminal = TERMINAL.has(st);
    controls.node.hidden = terminal;
    removePanel.hidden = st !== 'failed';
    controls.setEnabled({
      pause: st === 'running' || st === 'starting',
      resume: st === 'paused' || st === 'interrupted',
      abort: st === 'running' || st === 'paused' || st === 'starting' || st === 'interrupted',
    });
    controls.setResumeLabel(st === 'interrupted' ? 'Resume (continue from the journal)' : 'Resume');
    if (!planShown && (detail.plan || detail.design)) {
      planShown = true;
      planWrap.hidden = false;
      if (detail.design) planWrap.append(h('h3', { text: 'Search space' }), designFacts(detail.design));
      if (detail.plan && Array.isArray(detail.plan.steps)) {
        planWrap.append(h('h3', {}, 'Planned steps ', h('span', { class: 'muted mono small', text: detail.plan.id || '' })),
          stepsTable(detail.plan, 'run-plan-steps'));
      }
    }
    // A failed run's console says why it failed: shown open. For other runs it is there on request.
    const tail = detail.consoleTail;
    consoleWrap.hidden = !tail;
    consolePre.textContent = tail || '';
    if (tail && (st === 'failed' || st === 'starting') && !consoleOpened) { consoleWrap.open = true; consoleOpened = true; }
    document.title = `${id} · ${st} · Athanor`;
  }

  function showResults(results, underWay) {
    const list = Array.isArray(results) ? results : [];
    const going = Array.isArray(underWay) ? underWay : [];
    expEmpty.hidden = list.length + going.length > 0;
    expTable.hidden = !expEmpty.hidden;
    // Rows are rebuilt only when their data changed, so open notes and loaded plots stay as they are.
    const existing = new Map([...expBody.children].map((tr) => [tr.dataset.key, tr]));
    clear(expBody);
    for (const r of list) {
      const key = JSON.stringify(r);
      expBody.append(existing.get(key) || experimentRow(r, key));
    }
    const stopped = detail && detail.status === 'interrupted';
    for (const u of going) {
      const key = `under-way ${stopped} ${JSON.stringify(u)}`;
      expBody.append(existing.get(key) || underWayRow(u, key, stopped));
    }
    drawChart(chartBox, list, detail && detail.targetFraction, detail && detail.budget);
  }

  function underWayRow(u, key, stopped) {
    const tr = h('tr', { testid: `underway-row-${u.index}`, class: 'under-way' },
      h('td', { class: 'num', text: u.index }),
      h('td', { class: 'params' }, h('ul', { class: 'list-in-cell' }, parameterList(u.parameters).map((p) => h('li', { text: p })))),
      h('td', {}, stopped ? badge('interrupted') : h('span', { class: 'badge running', text: 'under way' })),
      h('td', { colspan: 6, class: 'muted', text: stopped
        ? 'It was in the lab when the run’s process stopped; a resumed run settles it first.'
        : 'In the lab: no result yet.' }));
    tr.dataset.key = key;
    return tr;
  }

  function experimentRow(r, key) {
    const notes = Array.isArray(r.notes) ? r.notes : [];
    let notesCell = h('span', { class: 'muted', text: '—' });
    if (notes.length) {
      const d = h('details', { class: 'notes', open: openNotes.has(r.index) },
        h('summary', { text: `${notes.length} note${notes.length > 1 ? 's' : ''}` }),
        h('ul', {}, notes.map((n) => h('li', { text: n }))));
      d.addEventListener('toggle', () => (d.open ? openNotes.add(r.index) : openNotes.delete(r.index)));
      notesCell = d;
    }
    const plot = safeUrl(r.plot);
    const tr = h('tr', { testid: `experiment-row-${r.index}` },
      h('td', { class: 'num', text: r.index }),
      h('td', { class: 'params' }, h('ul', { class: 'list-in-cell' }, parameterList(r.parameters).map((p) => h('li', { text: p })))),
      h('td', {}, badge(r.verdict === 'approved' ? 'approved' : r.verdict || 'unknown'),
        r.recheck ? h('div', { class: 'muted small', title: r.recheck.finding || r.recheck.reason || '',
          text: `re-checked${r.recheck.ramanPhases ? ' by Raman' : ''}${r.recheck.uncertain ? ', uncertain' : ''}` }) : null),
      h('td', { class: 'phases', text: phaseList(r.phases) }),
      h('td', { class: 'num', text: pct(r.targetFraction) }),
      h('td', { class: 'num', text: typeof r.rwp === 'number' ? number(r.rwp, 1) : '—' }),
      h('td', { text: r.decision || '—' }),
      h('td', {}, notesCell),
      h('td', {}, plot
        ? h('a', { href: plot, target: '_blank', rel: 'noopener', title: `XRD pattern and fit of experiment ${r.index} (opens the PNG)` },
          h('img', { class: 'thumb', src: plot, alt: `XRD plot, experiment ${r.index}`, loading: 'lazy', width: 96 }))
        : h('span', { class: 'muted', text: '—' })));
    tr.dataset.key = key;
    return tr;
  }

  async function refetch() {
    if (refetching) { refetchAgain = true; return; }
    refetching = true;
    try {
      const d = await api('GET', runPath(id));
      if (stopped) return;
      error.clear();
      showSummary(d);
      showResults(d.results, d.underWay);
    } catch (e) {
      if (!stopped) error.show(e.status === 404 ? `There is no such run: ${e.message}.` : `Cannot load run ${id}: ${e.message}`);
      if (e.status === 404) {
        missing = true;
        closeStream();
        body.hidden = true;
        notFound.hidden = false;
        status.hidden = true;
      }
    } finally {
      refetching = false;
      if (refetchAgain && !stopped) { refetchAgain = false; refetch(); }
    }
  }
  const refetchSoon = () => {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(refetch, 150);
  };

  // The log takes events in batches: the first connection replays the whole journal at once.
  let pending = [];
  let flushTimer = null;
  function queueEvent(e) {
    pending.push(e);
    if (!flushTimer) flushTimer = setTimeout(flushEvents, 40);
  }
  function flushEvents() {
    flushTimer = null;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 30;
    const frag = document.createDocumentFragment();
    for (const e of pending) frag.append(logRow(e));
    pending = [];
    log.append(frag);
    while (log.children.length > LOG_CAP) { log.firstElementChild.remove(); logDropped++; }
    if (atBottom) log.scrollTop = log.scrollHeight;
    updateLogStatus();
  }
  function logRow(e) {
    const cat = e.type === 'step.failed' ? 'failed' : e.type === 'run.paused' ? 'paused' : e.type;
    const li = h('li', { class: cat, 'data-seq': e.seq },
      h('span', {}, labTime(e.time)),
      h('span', { class: 'type', text: e.experiment || '' }),
      h('span', { class: 'type', text: e.type }),
      h('span', { text: eventText(e) }));
    return li;
  }
  let connection = 'connecting…';
  function updateLogStatus() {
    const none = log.children.length === 0 && pending.length === 0 && !source;
    logStatus.textContent = none ? 'The run journaled no events.'
      : `${connection}${logDropped ? ` · ${logDropped} earlier events not shown` : ''}`;
  }

  function closeStream() {
    if (source) { source.close(); source = null; }
  }
  function openStream() {
    source = new EventSource(`${runPath(id)}/stream`);
    source.addEventListener('open', () => { connection = 'live'; updateLogStatus(); });
    source.addEventListener('status', (m) => {
      let sum;
      try { sum = JSON.parse(m.data); } catch (e) { return; /* a status we cannot read changes nothing */ }
      const changed = !detail || sum.status !== detail.status;
      showSummary(sum);
      if (changed) refetchSoon(); // the results and experiments under way go with the state (a run that ended has none under way)
    });
    source.addEventListener('journal', (m) => {
      let e;
      try { e = JSON.parse(m.data); } catch (err) { return; }
      const seq = Number(e.seq ?? m.lastEventId);
      if (Number.isFinite(seq) && seq <= lastSeq) return; // a reconnection can resend what we have
      if (Number.isFinite(seq)) lastSeq = seq;
      queueEvent(e);
      if (e.type === 'analysis' || e.type === 'decision') refetchSoon();
    });
    source.addEventListener('problem', (m) => {
      let why = 'the server cannot read the journal';
      try { why = JSON.parse(m.data).error || why; } catch (e) { /* keep the general words */ }
      connection = `live, but: ${why}`;
      updateLogStatus();
    });
    source.addEventListener('end', () => {
      closeStream();
      connection = 'the run has ended; every event is shown';
      updateLogStatus();
      refetch();
    });
    source.addEventListener('error', () => {
      if (!source) return;
      connection = source.readyState === EventSource.CLOSED ? 'disconnected' : 'connection lost, reconnecting…';
      updateLogStatus();
    });
  }

  // Follow the run live unless it does not exist; after a failed first load the stream's status events fill the page.
  refetch().then(() => { if (!stopped && !missing) openStream(); });
  return {
    title: `Run ${id}`,
    dispose() {
      stopped = true;
      closeStream();
      clearTimeout(refetchTimer);
      clearTimeout(flushTimer);
    },
  };
}
