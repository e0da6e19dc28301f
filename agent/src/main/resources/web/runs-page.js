// #/ : every run, refreshed every 2 s, and the whole lab's controls.

import { api } from './api.js';
import { controlGroup } from './controls.js';
import { h, append, clear, errorBox, wallTime, badge } from './dom.js';
import { pct } from './format.js';
import { lab, refreshLab } from './lab.js';

const POLL_MS = 2000;

export function runsView(main) {
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
    h('table', { testid: 'runs-table', class: 'runs' },
      h('caption', { class: 'visually-hidden', text: 'Runs, newest first' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: 'Run' }), h('th', { scope: 'col', text: 'Goal' }),
        h('th', { scope: 'col', text: 'Target' }), h('th', { scope: 'col', text: 'Status' }),
        h('th', { scope: 'col', class: 'num', text: 'Experiments' }), h('th', { scope: 'col', class: 'num', text: 'Best target' }),
        h('th', { scope: 'col', text: 'Started' }))),
      tbody));
  const empty = h('div', { class: 'empty-state', hidden: true },
    h('p', {}, 'No runs yet. ', h('a', { href: '#/new', text: 'Describe a goal' }), ' to plan and start the first one.'));
  const loading = h('p', { class: 'muted', text: 'Loading runs…' });

  append(main, [h('h1', { text: 'Runs' }), controls.node, h('h2', { text: 'Runs, newest first' }), error.node, loading, table, empty]);
  table.hidden = true;

  const rows = new Map();
  function rowFor(run) {
    // data-label: what a cell is, shown before it on a narrow screen, where each run is a card of its own (app.css).
    const cells = {
      id: h('td', { class: 'nowrap run-id' }, h('a', { href: `#/runs/${encodeURIComponent(run.id)}`, class: 'mono', text: run.id })),
      goal: h('td', { class: 'goal' }),
      target: h('td', { 'data-label': 'Target' }),
      status: h('td', { class: 'status' }),
      experiments: h('td', { class: 'num nowrap', 'data-label': 'Experiments' }),
      best: h('td', { class: 'num nowrap', 'data-label': 'Best target' }),
      last: h('td', { class: 'nowrap', 'data-label': 'Started' }),
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
    c.last.append(wallTime(run.createdAt));
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
