// Athanor web UI: runs, new goal, run detail. Plain ES2020, no dependencies; every text from the server is inserted
// with textContent (never innerHTML), so a goal or a note can never become markup.

const main = document.getElementById('main');
const POLL_MS = 2000;
const LAB_POLL_MS = 3000;
const LOG_CAP = 500;
const ACTIVE = new Set(['starting', 'running', 'paused', 'interrupted']);
const TERMINAL = new Set(['finished', 'aborted', 'failed']);
const STRATEGIES = [
  ['bo', 'bo: Bayesian optimisation'],
  ['random', 'random'],
  ['grid', 'grid'],
];

// ---------------------------------------------------------------- DOM helpers

/** Element with attributes and children. attrs: class, testid, text, on: {event: fn}, props (disabled, hidden, value…), else setAttribute. */
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

const PROPS = new Set(['disabled', 'hidden', 'value', 'checked', 'open', 'selected', 'required', 'readOnly']);
function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false && !PROPS.has(k)) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'testid') e.dataset.testid = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (PROPS.has(k)) e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
}

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

/** A message area for errors from the API; hidden while empty. */
function errorBox() {
  const e = h('p', { class: 'error', testid: 'error', role: 'alert', hidden: true });
  return {
    node: e,
    show(message) { e.textContent = message; e.hidden = false; },
    clear() { e.textContent = ''; e.hidden = true; },
  };
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** JSON in, JSON out. Errors carry the server's own sentence ({"error": "..."}), never a body that is not that shape. */
async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError('The Athanor server does not answer. Is "athanor serve" still running?', 0);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (!res.ok) {
    const message = data && typeof data.error === 'string' && data.error
      ? data.error
      : `The server could not do that (HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}).`;
    throw new ApiError(message, res.status);
  }
  return data;
}

const runPath = (id) => `/api/runs/${encodeURIComponent(id)}`;

// ---------------------------------------------------------------- formatting

function number(v, digits) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  if (digits !== undefined) return v.toFixed(digits);
  return String(Number.isInteger(v) ? v : +v.toFixed(4));
}

/** A fraction 0..1 as a percentage with one decimal. */
function pct(f) {
  return typeof f === 'number' && Number.isFinite(f) ? `${(f * 100).toFixed(1)}\u00a0%` : '—';
}

/** Lab time (ISO) shown compactly: "01-06 10:58". The full value stays in the title. */
function labTime(iso) {
  if (!iso) return h('span', { class: 'muted', text: '—' });
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return h('time', { datetime: iso, title: iso, text: m ? `${m[1]}-${m[2]} ${m[3]}:${m[4]}` : iso });
}

function qty(q) {
  if (q === null || q === undefined) return '';
  if (typeof q !== 'object') return String(q);
  const unit = q.unit === 'deg' ? '°' : q.unit;
  return unit === '°' ? `${number(q.value)}°` : `${number(q.value)} ${unit ?? ''}`.trim();
}

function badge(word, extraClass = '') {
  const known = ['starting', 'running', 'paused', 'interrupted', 'finished', 'aborted', 'failed',
    'approved', 'refused', 'rejected', 'warning'];
  const cls = known.includes(word) ? word : 'other';
  return h('span', { class: `badge ${cls} ${extraClass}`.trim(), text: word ?? 'unknown' });
}

const strategyName = (code) => (STRATEGIES.find(([c]) => c === code) || [code, code || '—'])[1];

/** A URL the server gave for a plot, used only when it is a path on this server or plain http(s). */
function safeUrl(u) {
  if (typeof u !== 'string') return null;
  if (u.startsWith('/') && !u.startsWith('//')) return u;
  return /^https?:\/\//i.test(u) ? u : null;
}

// Experiment parameters in the lab's words: "1143.5 °C", "8.7 h", "Ba from BaCO3".
function parameterList(p) {
  if (!p || typeof p !== 'object') return [];
  const out = [];
  const seen = new Set();
  const take = (k, text) => { if (p[k] !== undefined && p[k] !== null) { out.push(text(p[k])); } seen.add(k); };
  take('temperatureC', (v) => `${number(v, 1)} °C`);
  take('holdH', (v) => `hold ${number(v, 1)} h`);
  take('rampCPerMin', (v) => `ramp ${number(v, 1)} °C/min`);
  take('atmosphere', (v) => `in ${v}`);
  for (const [k, v] of Object.entries(p)) {
    if (seen.has(k) || v === null || v === undefined) continue;
    const pre = /^precursor(.+)$/.exec(k);
    if (pre) out.push(`${pre[1]} from ${v}`);
    else if (k === 'excessPercent') { if (v) out.push(`excess ${number(v, 1)} %`); }
    else out.push(`${k} ${typeof v === 'number' ? number(v) : typeof v === 'object' ? JSON.stringify(v) : v}`);
  }
  return out;
}

function phaseList(phases) {
  if (!Array.isArray(phases) || phases.length === 0) return '—';
  return phases.map((ph) => `${ph.formula ?? ph.id} ${pct(ph.weightFraction)}`).join(', ');
}

// The key parameters of a planned step, per action.
function stepParams(step) {
  const p = step.params || {};
  switch (step.action) {
    case 'dispense':
      return [p.material, qty(p.mass)].filter(Boolean).join(' ');
    case 'mix':
      return [p.method, p.duration ? `for ${qty(p.duration)}` : null].filter(Boolean).join(' ');
    case 'transfer':
      return `${p.from ?? '?'} → ${p.to ?? '?'}`;
    case 'heat': {
      const parts = [];
      let previous = null;
      for (const seg of p.profile || []) {
        const t = seg.temperature && seg.temperature.value;
        const cooling = previous !== null && typeof t === 'number' && t < previous;
        if (cooling) {
          parts.push(`cool to ${qty(seg.temperature)}${seg.rampRate ? ` at ${qty(seg.rampRate)}` : ''}`
            + (seg.hold && seg.hold.value ? `, hold ${qty(seg.hold)}` : ''));
        } else {
          parts.push([qty(seg.temperature), seg.hold ? `hold ${qty(seg.hold)}` : null,
            seg.rampRate ? `ramp ${qty(seg.rampRate)}` : null].filter(Boolean).join(', '));
        }
        if (typeof t === 'number') previous = t;
      }
      const gas = p.atmosphere && p.atmosphere.gas;
      const extras = [gas ? `in ${gas}` : null, p.crucible ? `${p.crucible} crucible` : null].filter(Boolean);
      return [parts.join('; then '), extras.join(', ')].filter(Boolean).join(' — ');
    }
    case 'xrd': {
      const range = p.twoThetaStart && p.twoThetaEnd ? `2θ ${number(p.twoThetaStart.value)}–${qty(p.twoThetaEnd)}` : '';
      return [range, p.stepSize ? `step ${qty(p.stepSize)}` : null, p.countTime ? `${qty(p.countTime)} per step` : null]
        .filter(Boolean).join(', ');
    }
    case 'raman':
      return [p.laserWavelength ? `laser ${qty(p.laserWavelength)}` : null, p.laserPower ? qty(p.laserPower) : null,
        p.shiftStart && p.shiftEnd ? `${number(p.shiftStart.value)}–${qty(p.shiftEnd)}` : null].filter(Boolean).join(', ');
    case 'analyze':
      return [p.target ? `for ${p.target}` : null, Array.isArray(p.methods) ? `by ${p.methods.join(', ')}` : null]
        .filter(Boolean).join(' ');
    default:
      return Object.entries(p).map(([k, v]) => `${k} ${typeof v === 'object' ? qty(v) || JSON.stringify(v) : v}`).join(', ');
  }
}

// One journal event as a sentence.
function eventText(e) {
  const step = e.step ? `${e.step}` : '';
  switch (e.type) {
    case 'step.dispatched':
      return `${step} (${e.action ?? 'step'}) ${e.instrument ? `sent to ${e.instrument}` : 'started'}${e.attempt > 1 ? `, attempt ${e.attempt}` : ''}`;
    case 'step.completed': {
      const bits = [];
      if (e.material && typeof e.dispensedMg === 'number') bits.push(`${number(e.dispensedMg, 1)} mg ${e.material}`);
      if (e.at) bits.push(`now at ${e.at}`);
      if (typeof e.maxTemperatureC === 'number') bits.push(`reached ${number(e.maxTemperatureC, 1)} °C`);
      return `${step} done${bits.length ? ': ' + bits.join(', ') : ''}`;
    }
    case 'step.failed':
      return `${step} failed${e.reason ? ': ' + e.reason : ''}`;
    case 'measurement':
      return `${e.kind ?? ''} measurement of ${e.sample ?? e.experiment ?? 'the sample'}`.trim();
    case 'analysis':
      return `experiment ${e.index ?? e.experiment}: target ${pct(e.targetFraction)}, ${e.verdict ?? ''}`
        + (Array.isArray(e.phases) && e.phases.length ? ` (${phaseList(e.phases)})` : '');
    case 'decision':
      if (e.kind === 'proposed') return `proposed experiment ${e.index}: ${parameterList(e.parameters).join(', ')}`;
      if (e.kind === 'campaign-started') {
        return `campaign started: ${strategyName(e.strategy)}, budget ${e.budget}, seed ${e.seed}, goal ${pct(e.targetFraction)}`;
      }
      if (e.kind === 'campaign-stopped') return `campaign stopped (${e.stopReason ?? 'stopped'}): ${e.explanation ?? ''}`;
      return e.decision ?? e.explanation ?? e.reason ?? e.kind ?? 'decision';
    case 'run.started':
      return `experiment ${e.experiment ?? ''} started`;
    case 'run.approved':
      return `approved by ${e.by ?? 'the gate'}${e.dryRun ? ' (dry run)' : ''}`;
    case 'run.paused':
      return `paused${e.reason ? ': ' + e.reason : ''}`;
    case 'run.resumed':
      return `resumed${e.reason ? ': ' + e.reason : ''}`;
    case 'run.finished':
      return `${e.experiment ?? 'run'} ${e.status ?? 'finished'}${e.reason ? ': ' + e.reason : ''}`;
    default:
      return [e.kind, e.status, e.decision, e.explanation, e.reason].filter(Boolean).join(': ') || step;
  }
}

// ---------------------------------------------------------------- lab state (header)

const lab = { state: null, listeners: new Set() };

async function refreshLab() {
  try {
    lab.state = await api('GET', '/api/lab');
  } catch (e) {
    lab.state = null;
  }
  const info = document.getElementById('lab-info');
  const banner = document.getElementById('lab-banner');
  if (lab.state) {
    info.textContent = `data: ${lab.state.dataDirectory}`;
    info.title = 'The data directory of this server: journal, plots and audit log';
    banner.hidden = !lab.state.paused;
    banner.textContent = lab.state.paused
      ? `The whole lab is paused${lab.state.pauseReason ? ': ' + lab.state.pauseReason : ''}. No step is sent until it is resumed.`
      : '';
  } else {
    info.textContent = 'server not answering';
    banner.hidden = true;
  }
  for (const fn of lab.listeners) fn(lab.state);
}

// ---------------------------------------------------------------- operator control (one run, or the whole lab)

/**
 * Pause / Resume / Abort with an optional reason, and an inline confirmation before an abort.
 * act(action, reason) performs the request and returns the server's message.
 */
function controlGroup({ title, subject, act, labels = {}, testids = {} }) {
  const reasonId = nextId('reason');
  const reason = h('input', { id: reasonId, type: 'text', testid: 'reason-input', autocomplete: 'off',
    placeholder: 'e.g. checking the exhaust', maxlength: 500 });
  const buttons = {};
  const notice = h('p', { class: 'notice', role: 'status' });
  const error = errorBox();
  const confirmText = h('span');
  const confirmYes = h('button', { type: 'button', class: 'danger confirm', testid: 'confirm-abort', text: 'Yes, abort' });
  const confirmNo = h('button', { type: 'button', text: 'Keep going' });
  const confirm = h('div', { class: 'confirm-box', role: 'group', 'aria-label': 'Confirm the abort', hidden: true },
    confirmText, confirmYes, confirmNo);
  let enabled = { pause: true, resume: true, abort: true };
  let busy = false;

  const sync = () => {
    for (const a of ['pause', 'resume', 'abort']) buttons[a].disabled = busy || !enabled[a];
    confirmYes.disabled = busy;
  };
  const run = async (action) => {
    busy = true;
    sync();
    error.clear();
    notice.textContent = '';
    try {
      const message = await act(action, reason.value.trim());
      notice.textContent = message || `${action} sent`;
      reason.value = '';
      confirm.hidden = true;
    } catch (e) {
      error.show(e.message);
    } finally {
      busy = false;
      sync();
    }
  };
  for (const [action, cls] of [['pause', ''], ['resume', ''], ['abort', 'danger']]) {
    buttons[action] = h('button', { type: 'button', class: cls, testid: testids[action] || `${action}-button`,
      text: labels[action] || action[0].toUpperCase() + action.slice(1) });
  }
  buttons.pause.addEventListener('click', () => run('pause'));
  buttons.resume.addEventListener('click', () => run('resume'));
  buttons.abort.addEventListener('click', () => {
    const why = reason.value.trim();
    confirmText.textContent = `Abort ${subject}? Experiments in progress are ended and their samples marked; `
      + `an aborted run cannot be resumed.${why ? ` Reason: “${why}”.` : ''}`;
    confirm.hidden = false;
    confirmNo.focus();
  });
  confirmYes.addEventListener('click', () => run('abort'));
  confirmNo.addEventListener('click', () => { confirm.hidden = true; buttons.abort.focus(); });
  confirm.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { confirm.hidden = true; buttons.abort.focus(); } });

  const node = h('section', { class: 'panel controls-panel', 'aria-label': title },
    h('h2', { text: title }),
    h('div', { class: 'controls' },
      h('div', { class: 'field' },
        h('label', { for: reasonId }, 'Reason ', h('span', { class: 'hint', text: '(optional, kept in the journal)' })),
        reason),
      buttons.pause, buttons.resume, buttons.abort),
    confirm, notice, error.node);
  return {
    node,
    setEnabled(flags) {
      enabled = { ...enabled, ...flags };
      if (!enabled.abort) confirm.hidden = true;
      sync();
    },
    setResumeLabel(text) { buttons.resume.textContent = text; },
  };
}

// ---------------------------------------------------------------- view: runs

function runsView() {
  let timer = null;
  let stopped = false;
  const error = errorBox();
  const controls = controlGroup({
    title: 'Whole lab',
    subject: 'every run going now',
    labels: { pause: 'Pause lab', resume: 'Resume lab', abort: 'Abort lab' },
    testids: { pause: 'lab-pause-button', resume: 'lab-resume-button', abort: 'lab-abort-button' },
    act: async (action, reason) => {
      const r = await api('POST', `/api/lab/${action}`, { reason: reason || null });
      await Promise.all([refreshLab(), load()]);
      const list = Array.isArray(r && r.runs) && r.runs.length ? ` (runs: ${r.runs.join(', ')})` : '';
      return `${(r && r.message) || action}${list}`;
    },
  });
  const onLab = (state) => controls.setEnabled({
    pause: !state || !state.paused,
    resume: !state || !!state.paused,
    abort: true,
  });
  lab.listeners.add(onLab);
  onLab(lab.state);

  const tbody = h('tbody');
  const table = h('div', { class: 'table-wrap' },
    h('table', { testid: 'runs-table' },
      h('caption', { class: 'visually-hidden', text: 'Runs, newest first' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: 'Run' }), h('th', { scope: 'col', text: 'Goal' }),
        h('th', { scope: 'col', text: 'Target' }), h('th', { scope: 'col', text: 'Status' }),
        h('th', { scope: 'col', class: 'num', text: 'Experiments' }), h('th', { scope: 'col', class: 'num', text: 'Best target' }),
        h('th', { scope: 'col', text: 'Last lab time' }))),
      tbody));
  const empty = h('div', { class: 'empty-state', hidden: true },
    h('p', {}, 'No runs yet. ', h('a', { href: '#/new', text: 'Describe a goal' }), ' to plan and start the first one.'));
  const loading = h('p', { class: 'muted', text: 'Loading runs…' });

  append(main, [h('h1', { text: 'Runs' }), controls.node, h('h2', { text: 'Runs, newest first' }), error.node, loading, table, empty]);
  table.hidden = true;

  const rows = new Map();
  function rowFor(run) {
    const cells = {
      id: h('td', { class: 'nowrap' }, h('a', { href: `#/runs/${encodeURIComponent(run.id)}`, class: 'mono', text: run.id })),
      goal: h('td', { class: 'goal' }),
      target: h('td'),
      status: h('td'),
      experiments: h('td', { class: 'num nowrap' }),
      best: h('td', { class: 'num nowrap' }),
      last: h('td', { class: 'nowrap' }),
    };
    const tr = h('tr', { testid: `run-row-${run.id}` }, Object.values(cells));
    return { tr, cells, key: '' };
  }
  function fill(row, run) {
    const key = JSON.stringify(run);
    if (row.key === key) return;
    row.key = key;
    const c = row.cells;
    c.goal.textContent = run.goal ?? '—';
    c.target.textContent = run.target ?? '—';
    clear(c.status);
    const b = badge(run.status);
    if (run.statusReason) b.title = run.statusReason;
    c.status.append(b);
    if (run.status === 'finished' && run.stopReason) c.status.append(h('div', { class: 'muted small', text: run.stopReason }));
    c.experiments.textContent = `${run.experiments ?? 0} / ${run.budget ?? '?'}`;
    c.best.textContent = run.best ? `${pct(run.best.targetFraction)} (#${run.best.index})` : '—';
    clear(c.last);
    c.last.append(labTime(run.lastEventAt || run.startedAt));
  }

  async function load() {
    try {
      const runs = await api('GET', '/api/runs');
      if (stopped) return;
      error.clear();
      loading.hidden = true;
      const list = Array.isArray(runs) ? runs : [];
      empty.hidden = list.length > 0;
      table.hidden = list.length === 0;
      const seen = new Set();
      let before = null;
      for (let i = list.length - 1; i >= 0; i--) { // bottom up, so insertBefore keeps the server's order
        const run = list[i];
        seen.add(run.id);
        let row = rows.get(run.id);
        if (!row) { row = rowFor(run); rows.set(run.id, row); }
        fill(row, run);
        if (row.tr.nextSibling !== before || row.tr.parentNode !== tbody) tbody.insertBefore(row.tr, before);
        before = row.tr;
      }
      for (const [id, row] of rows) if (!seen.has(id)) { row.tr.remove(); rows.delete(id); }
    } catch (e) {
      if (!stopped) error.show(`Cannot list the runs: ${e.message}`);
    }
  }
  const tick = async () => {
    await load();
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  };
  tick();
  return {
    title: 'Runs',
    dispose() { stopped = true; clearTimeout(timer); lab.listeners.delete(onLab); },
  };
}

// ---------------------------------------------------------------- view: new goal

const draft = { goal: '', plan: null, options: { budget: '12', strategy: 'bo', seed: '7', pace: '', runId: '' } };

function newGoalView() {
  const goalId = nextId('goal');
  const goal = h('textarea', { id: goalId, testid: 'goal-input', rows: 3, required: true,
    placeholder: 'make 2 g of phase-pure BaTiO3, confirm by XRD, stay below 1250 °C', value: draft.goal });
  const planButton = h('button', { type: 'submit', class: 'primary', testid: 'plan-button', text: 'Plan' });
  const planError = errorBox();
  const result = h('div', { 'aria-live': 'polite' });
  let planned = null; // the goal text the shown plan was made for
  let startButton = null;
  let stale = null;

  const form = h('form', { class: 'panel', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: goalId }, 'Goal ', h('span', { class: 'hint', text: 'in plain words: product, amount, how to confirm it, limits' })),
      goal),
    h('div', { class: 'actions' }, planButton,
      h('span', { class: 'muted', text: 'Planning only reads and checks the goal; nothing is started.' })),
    planError.node);

  goal.addEventListener('input', () => {
    draft.goal = goal.value;
    if (planned !== null && startButton) {
      const changed = goal.value.trim() !== planned;
      startButton.disabled = changed;
      stale.hidden = !changed;
    }
  });
  goal.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = goal.value.trim();
    planError.clear();
    if (!text) { planError.show('Write a goal first: what to make, how much, and how to confirm it.'); goal.focus(); return; }
    planButton.disabled = true;
    planButton.textContent = 'Planning…';
    try {
      const plan = await api('POST', '/api/plan', { goal: text });
      draft.plan = plan;
      showPlan(plan, text);
    } catch (e) {
      planError.show(`Could not plan this goal: ${e.message}`);
    } finally {
      planButton.disabled = false;
      planButton.textContent = 'Plan';
    }
  });

  function showPlan(plan, text) {
    planned = text;
    clear(result);
    startButton = null;
    const verdict = plan.verdict || 'unknown';
    const section = h('section', { class: 'panel', 'aria-label': 'The plan' });
    section.append(h('div', { class: 'verdict-line' },
      h('h2', { text: 'Plan' }),
      h('span', { testid: 'plan-verdict', class: `badge large ${['approved', 'refused', 'rejected'].includes(verdict) ? verdict : 'other'}`,
        text: verdict }),
      h('span', { class: 'muted', text: verdictSentence(verdict) })));
    if (plan.reason) section.append(h('p', { class: 'refusal', testid: 'plan-refusal', text: plan.reason }));
    else if (verdict !== 'approved') section.append(h('p', { class: 'refusal', testid: 'plan-refusal', text: 'The planner gave no reason.' }));
    const violations = Array.isArray(plan.violations) ? plan.violations : [];
    if (violations.length) {
      section.append(h('h3', { text: verdict === 'approved' ? 'Warnings from the safety gate' : 'Safety findings' }),
        h('ul', { class: 'violations', testid: 'plan-violations' }, violations.map((v) => h('li', {},
          v.severity ? badge(v.severity === 'error' ? 'refused' : 'warning', '') : null,
          v.severity ? ' ' : null,
          h('span', { class: 'rule', text: v.rule || 'rule' }),
          v.step ? h('span', { class: 'muted mono', text: ` (${v.step})` }) : null,
          h('br'),
          h('span', { text: v.message || '' }),
          v.source ? h('div', { class: 'muted small', text: `Source: ${v.source}` }) : null))));
    }
    section.append(understoodBlock(plan.understood, plan.notes));
    result.append(section);
    const steps = plan.workflow && Array.isArray(plan.workflow.steps) ? plan.workflow.steps : [];
    if (steps.length) {
      result.append(h('section', { class: 'panel', 'aria-label': 'Planned steps' },
        h('h2', {}, 'Steps ', h('span', { class: 'muted mono small', text: plan.workflow.id || '' })),
        stepsTable(plan.workflow)));
    }
    if (verdict === 'approved') result.append(campaignForm(text));
  }

  function campaignForm(text) {
    const o = draft.options;
    const ids = { budget: nextId('budget'), strategy: nextId('strategy'), seed: nextId('seed'), pace: nextId('pace'), runId: nextId('runid') };
    const budget = h('input', { id: ids.budget, type: 'number', min: 1, step: 1, testid: 'budget-input', value: o.budget, required: true });
    const strategy = h('select', { id: ids.strategy, testid: 'strategy-select' },
      STRATEGIES.map(([code, name]) => h('option', { value: code, text: name, selected: code === o.strategy })));
    const seed = h('input', { id: ids.seed, type: 'number', step: 1, testid: 'seed-input', value: o.seed });
    const pace = h('input', { id: ids.pace, type: 'number', min: 0, step: 'any', testid: 'pace-input', value: o.pace,
      placeholder: 'as fast as possible' });
    const runId = h('input', { id: ids.runId, type: 'text', testid: 'runid-input', value: o.runId, placeholder: 'a new one',
      autocomplete: 'off', spellcheck: 'false' });
    const remember = () => Object.assign(o, { budget: budget.value, strategy: strategy.value, seed: seed.value, pace: pace.value, runId: runId.value });
    const error = errorBox();
    startButton = h('button', { type: 'submit', class: 'primary', testid: 'start-button', text: 'Start dry run' });
    stale = h('span', { class: 'muted', hidden: true, text: 'The goal changed since it was planned: plan it again first.' });
    const field = (id, label, hint, input) => h('div', { class: 'field' },
      h('label', { for: id }, label, hint ? h('span', { class: 'hint', text: ` ${hint}` }) : null), input);
    const form = h('form', { class: 'panel', novalidate: true, 'aria-label': 'Campaign options' },
      h('h2', { text: 'Campaign' }),
      h('p', { class: 'muted', text: 'A dry run runs the closed loop (plan, run, analyse, decide) on the simulated lab.' }),
      h('div', { class: 'options' },
        field(ids.budget, 'Budget', '(experiments)', budget),
        field(ids.strategy, 'Strategy', '', strategy),
        field(ids.seed, 'Seed', '', seed),
        field(ids.pace, 'Pace', '(lab s per real s)', pace),
        field(ids.runId, 'Run id', '(optional)', runId)),
      h('div', { class: 'actions' }, startButton, stale),
      error.node);
    form.addEventListener('input', remember);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      remember();
      error.clear();
      const body = { goal: text, strategy: strategy.value, pace: null, runId: null };
      const b = Number(budget.value);
      if (!budget.value || !Number.isInteger(b) || b < 1) { error.show('The budget is a whole number of experiments, at least 1.'); budget.focus(); return; }
      body.budget = b;
      const sd = seed.value.trim() === '' ? 7 : Number(seed.value);
      if (!Number.isInteger(sd)) { error.show('The seed is a whole number.'); seed.focus(); return; }
      body.seed = sd;
      if (pace.value.trim() !== '') {
        const p = Number(pace.value);
        if (!Number.isFinite(p) || p <= 0) { error.show('The pace is a positive number of lab seconds per real second, or empty for as fast as possible.'); pace.focus(); return; }
        body.pace = p;
      }
      if (runId.value.trim() !== '') body.runId = runId.value.trim();
      startButton.disabled = true;
      startButton.textContent = 'Starting…';
      try {
        const r = await api('POST', '/api/runs', body);
        draft.options.runId = '';
        location.hash = `#/runs/${encodeURIComponent(r.id)}`;
      } catch (e) {
        error.show(`Could not start the run: ${e.message}`);
        startButton.disabled = false;
        startButton.textContent = 'Start dry run';
      }
    });
    return form;
  }

  append(main, [h('h1', { text: 'New goal' }), form, result]);
  if (draft.plan && draft.goal.trim() === (draft.plan.goal || '').trim()) showPlan(draft.plan, draft.goal.trim());
  goal.focus();
  return { title: 'New goal', dispose() {} };
}

function verdictSentence(verdict) {
  switch (verdict) {
    case 'approved': return 'The plan passed the safety gate and can be run.';
    case 'refused': return 'The planner will not plan this goal.';
    case 'rejected': return 'The safety gate forbids the plan.';
    case 'needs-approval': return 'The plan needs a person’s approval before it can run.';
    default: return '';
  }
}

function understoodBlock(u, notes) {
  const wrap = h('div', { testid: 'plan-understood' }, h('h3', { text: 'What the planner understood' }));
  if (!u) { wrap.append(h('p', { class: 'muted', text: 'Nothing was read from the goal.' })); return wrap; }
  const facts = [];
  const add = (label, value) => { if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) facts.push([label, value]); };
  add('Target', u.target && (u.target.formula + (u.target.writtenAs && u.target.writtenAs !== u.target.formula ? ` (written ${u.target.writtenAs})` : '')));
  add('Product mass', qty(u.productMass));
  add('Starting materials', (u.startingMaterials || []).map((t) => t.formula || t.writtenAs).join(', '));
  add('Max temperature', qty(u.maxTemperature));
  add('Temperature', qty(u.fixedTemperature));
  add('Hold', qty(u.hold));
  add('Ramp', qty(u.requestedRamp));
  add('Max ramp', qty(u.maxRamp));
  add('Cooling', qty(u.coolingRamp));
  add('Milling', qty(u.millTime));
  add('Atmosphere', u.atmosphere && u.atmosphere.gas);
  add('Furnace', u.furnaceKind);
  add('Crucible', u.crucible);
  add('Characterisation', (u.characterization || []).map((c) => c.toUpperCase()).join(', ') || 'none asked for');
  if (u.twoThetaStart || u.twoThetaEnd) add('XRD range', `2θ ${qty(u.twoThetaStart) || '?'} – ${qty(u.twoThetaEnd) || '?'}`);
  add('Raman laser', [qty(u.laserWavelength), qty(u.laserPower)].filter(Boolean).join(', '));
  add('Excluded precursors', (u.excludedPrecursors || []).join(', '));
  add('Excess', Object.entries(u.excess || {}).map(([el, p]) => `${el} ${number(p)} %`).join(', '));
  add('Batches', u.batches);
  if (u.safetyOverrideRequested) add('Safety override', 'asked for, and never honoured');
  add('Not understood', (u.unparsed || []).map((x) => `“${x}”`).join(', '));
  wrap.append(h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })])));
  const allNotes = [...(u.notes || []), ...(notes || [])];
  if (allNotes.length) wrap.append(h('ul', { class: 'violations' }, allNotes.map((n) => h('li', { text: n }))));
  return wrap;
}

function stepsTable(workflow, testid = 'plan-steps') {
  return h('div', { class: 'table-wrap' },
    h('table', { testid },
      h('thead', {}, h('tr', {}, ['Step', 'Action', 'Instrument', 'Sample', 'Parameters', 'After']
        .map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, (workflow.steps || []).map((st) => h('tr', {},
        h('td', { class: 'mono step-id', text: st.id }),
        h('td', { text: st.action }),
        h('td', { class: 'nowrap', text: st.instrument || '—' }),
        h('td', { text: st.sample || '—' }),
        h('td', { text: stepParams(st) }),
        h('td', { class: 'muted mono', text: (st.after || []).join(', ') }),
      )))));
}

/** A campaign's search space (the run page's "design"): the ranges and choices the strategy proposes from. */
function designFacts(design) {
  const range = (r, unit) => (Array.isArray(r) && r.length === 2 ? `${number(r[0])}–${number(r[1])} ${unit}` : null);
  const facts = [
    ['Temperature', range(design.temperatureC, '°C')],
    ['Hold', range(design.holdH, 'h')],
    ['Ramp', range(design.rampCPerMin, '°C/min')],
    ['Excess', Array.isArray(design.excessPercent) && design.excessPercent[1] > 0 ? range(design.excessPercent, '%') : null],
    ['Atmospheres', Array.isArray(design.atmospheres) ? design.atmospheres.join(', ') : null],
    ['Precursors', design.precursors ? Object.entries(design.precursors)
      .map(([el, list]) => `${el} from ${(list || []).join(' or ')}`).join('; ') : null],
    ['Furnaces', Array.isArray(design.furnaces) ? design.furnaces
      .map((f) => `${f.id} (up to ${number(f.maxC)} °C; ${(f.gases || []).join(', ')})`).join('; ') : null],
  ].filter(([, v]) => v);
  return h('dl', { class: 'facts', testid: 'run-design' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

// ---------------------------------------------------------------- view: run detail

function runView(id) {
  let stopped = false;
  let source = null;
  let detail = null;
  let lastSeq = 0;
  let refetchTimer = null;
  let refetching = false;
  let refetchAgain = false;
  const openNotes = new Set();

  const error = errorBox();
  const heading = h('div', { class: 'run-head' },
    h('h1', {}, 'Run ', h('span', { class: 'mono', text: id })));
  const status = h('span', { testid: 'run-status', class: 'badge large other', text: '…' });
  heading.append(status);
  const goal = h('p', { class: 'run-goal' });
  const statusReason = h('p', { class: 'status-reason', hidden: true });
  const stopLine = h('p', { class: 'status-reason', hidden: true });
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

  append(main, [heading, goal, statusReason, stopLine, error.node,
    h('div', { class: 'grid-2' }, h('div', {}, h('section', { class: 'panel', 'aria-label': 'About this run' }, facts), controls.node), chartSection),
    consoleWrap, planWrap,
    h('h2', { text: 'Experiments' }), expEmpty, expTable,
    h('h2', { text: 'Event log' }), logSection]);

  function showSummary(sum) {
    detail = { ...(detail || {}), ...sum };
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
    clear(facts);
    const rows = [
      ['Target', `${detail.target || '—'}${typeof detail.targetFraction === 'number' ? `, goal ≥ ${pct(detail.targetFraction)} of the sample` : ''}`],
      ['Budget', `${detail.experiments ?? (detail.results || []).length} of ${detail.budget ?? '?'} experiments analysed`],
      ['Best', detail.best ? `${pct(detail.best.targetFraction)} in experiment ${detail.best.index}` : '—'],
      ['Strategy', strategyName(detail.strategy)],
      ['Lab', detail.dryRun === false ? 'the real lab' : 'simulated lab (dry run)'],
    ];
    for (const [k, v] of rows) facts.append(h('dt', { text: k }), h('dd', { text: v }));
    facts.append(h('dt', { text: 'Started' }), h('dd', {}, labTime(detail.startedAt)),
      h('dt', { text: 'Last event' }), h('dd', {}, labTime(detail.lastEventAt)));

    const terminal = TERMINAL.has(st);
    controls.node.hidden = terminal;
    controls.setEnabled({
      pause: st === 'running',
      resume: st === 'paused' || st === 'interrupted',
      abort: st === 'running' || st === 'paused' || st === 'starting',
    });
    controls.setResumeLabel(st === 'interrupted' ? 'Resume (restart the run)' : 'Resume');
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
      if (!stopped) error.show(e.status === 404 ? `There is no run ${id}. ` + e.message : `Cannot load run ${id}: ${e.message}`);
      if (e.status === 404) closeStream();
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
      try { showSummary(JSON.parse(m.data)); } catch (e) { /* a status we cannot read changes nothing */ }
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

  refetch().then(() => { if (!stopped && !error.node.textContent) openStream(); });
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

/** Target fraction per experiment as inline SVG: points, best-so-far line, dashed goal line; y 0–100 %. */
function drawChart(box, results, goal, budget) {
  const W = 640;
  const H = 270;
  const m = { l: 46, r: 16, t: 14, b: 36 };
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const measured = results.filter((r) => typeof r.targetFraction === 'number');
  const maxIndex = Math.max(1, budget || 0, ...results.map((r) => r.index || 0));
  const x = (i) => m.l + ((i - 0.5) / maxIndex) * iw;
  const y = (f) => m.t + (1 - Math.max(0, Math.min(1, f))) * ih;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'xMidYMid meet', focusable: 'false' });
  svg.append(s('title', { text: 'Target fraction per experiment' }));
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { class: 'grid', x1: m.l, x2: W - m.r, y1: y(f), y2: y(f) }),
      s('text', { class: 'tick', x: m.l - 6, y: y(f) + 4, 'text-anchor': 'end', text: `${f * 100} %` }));
  }
  const every = Math.ceil(maxIndex / 16);
  for (let i = 1; i <= maxIndex; i += every) {
    svg.append(s('text', { class: 'tick', x: x(i), y: H - m.b + 16, 'text-anchor': 'middle', text: String(i) }));
  }
  svg.append(s('line', { class: 'axis', x1: m.l, x2: W - m.r, y1: y(0), y2: y(0) }),
    s('line', { class: 'axis', x1: m.l, x2: m.l, y1: m.t, y2: y(0) }),
    s('text', { class: 'tick', x: m.l + iw / 2, y: H - 4, 'text-anchor': 'middle', text: 'experiment' }));
  if (typeof goal === 'number') {
    svg.append(s('line', { class: 'goal', x1: m.l, x2: W - m.r, y1: y(goal), y2: y(goal) }),
      s('text', { class: 'goal-label', x: W - m.r - 4, y: y(goal) - 5, 'text-anchor': 'end', text: `goal ${pct(goal)}` }));
  }
  if (measured.length === 0) {
    svg.append(s('text', { class: 'empty', x: m.l + iw / 2, y: m.t + ih / 2, 'text-anchor': 'middle', text: 'No experiment measured yet.' }));
  } else {
    const sorted = [...measured].sort((a, b) => a.index - b.index);
    let best = null;
    const pts = [];
    for (const r of sorted) {
      const counts = r.verdict === undefined || r.verdict === 'approved'; // as the campaign counts them
      const next = counts ? (best === null ? r.targetFraction : Math.max(best, r.targetFraction)) : best;
      if (next === null) continue;
      if (best !== null) pts.push(`${x(r.index)},${y(best)}`); // a step: along, then up
      pts.push(`${x(r.index)},${y(next)}`);
      best = next;
    }
    if (pts.length) svg.append(s('polyline', { class: 'best', points: pts.join(' ') }));
    for (const r of sorted) {
      svg.append(s('circle', { class: `point${r.verdict && r.verdict !== 'approved' ? ' not-approved' : ''}`,
        cx: x(r.index), cy: y(r.targetFraction), r: 5 },
      s('title', { text: `experiment ${r.index}: ${pct(r.targetFraction)}${r.verdict && r.verdict !== 'approved' ? ` (${r.verdict})` : ''}` })));
    }
  }
  box.setAttribute('aria-label', measured.length
    ? `Target fraction per experiment: ${measured.map((r) => `${r.index}: ${pct(r.targetFraction)}`).join('; ')}`
    : 'Target fraction per experiment: nothing measured yet');
  clear(box);
  box.append(svg);
}

// ---------------------------------------------------------------- router

let view = null;
let firstRoute = true;

function route() {
  if (view) view.dispose();
  clear(main);
  const hash = location.hash || '#/';
  let active = null;
  const m = /^#\/runs\/(.+)$/.exec(hash);
  if (hash === '#/' || hash === '#') { view = runsView(); active = 'runs'; }
  else if (hash === '#/new') { view = newGoalView(); active = 'new'; }
  else if (m) { view = runView(decodeURIComponent(m[1])); active = 'runs'; }
  else {
    append(main, [h('h1', { text: 'Not here' }), h('p', {}, 'This page does not exist. ', h('a', { href: '#/', text: 'See the runs' }), '.')]);
    view = { title: 'Not found', dispose() {} };
  }
  for (const a of document.querySelectorAll('nav a[data-route]')) {
    if (a.dataset.route === active && !m) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${view.title} · Athanor`;
  if (!firstRoute && hash !== '#/new') main.focus({ preventScroll: true });
  firstRoute = false;
  window.scrollTo(0, 0);
  refreshLab();
}

window.addEventListener('hashchange', route);
setInterval(refreshLab, LAB_POLL_MS);
route();
