// #/new : a goal in plain words → the planner's verdict, what it understood, the steps → start a dry run.

import { api } from './api.js';
import { h, append, clear, nextId, errorBox, badge } from './dom.js';
import { STRATEGIES, number, qty, stepParams } from './format.js';
import { lab } from './lab.js';

const draft = { goal: '', plan: null, options: { budget: '12', strategy: 'bo', seed: '7', pace: '', runId: '' } };

export function newGoalView(main) {
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
      startButton.disabled = changed || (lab.state !== null && lab.state.canStartRuns === false);
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
    // A server not started as the packaged application can show runs but not start them (GET /api/lab says which).
    const canStart = !lab.state || lab.state.canStartRuns !== false;
    const cannotStart = h('span', { class: 'muted', hidden: canStart,
      text: 'This server cannot start campaigns: start it as the packaged application (./athanor serve).' });
    startButton.disabled = !canStart;
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
      h('div', { class: 'actions' }, startButton, stale, cannotStart),
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
  const given = u.startingMasses || {};
  add('Starting materials', (u.startingMaterials || []).map((t) => {
    const name = t.formula || t.writtenAs;
    return given[t.formula] ? `${name} ${qty(given[t.formula])}` : name;
  }).join(', '));
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

export function stepsTable(workflow, testid = 'plan-steps') {
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
export function designFacts(design) {
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
