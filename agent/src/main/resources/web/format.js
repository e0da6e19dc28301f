// Values in the lab's words: percentages, quantities, parameters, planned steps and journal events as sentences.

export const STRATEGIES = [
  ['bo', 'bo: Bayesian optimisation'],
  ['random', 'random'],
  ['grid', 'grid'],
];

export function number(v, digits) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  if (digits !== undefined) return v.toFixed(digits);
  return String(Number.isInteger(v) ? v : +v.toFixed(4));
}

/** A fraction 0..1 as a percentage with one decimal. */
export function pct(f) {
  return typeof f === 'number' && Number.isFinite(f) ? `${(f * 100).toFixed(1)}\u00a0%` : '—';
}

export function qty(q) {
  if (q === null || q === undefined) return '';
  if (typeof q !== 'object') return String(q);
  const unit = q.unit === 'deg' ? '°' : q.unit;
  return unit === '°' ? `${number(q.value)}°` : `${number(q.value)} ${unit ?? ''}`.trim();
}

export const strategyName = (code) => (STRATEGIES.find(([c]) => c === code) || [code, code || '—'])[1];

/** A URL the server gave for a plot, used only when it is a path on this server or plain http(s). */
export function safeUrl(u) {
  if (typeof u !== 'string') return null;
  if (u.startsWith('/') && !u.startsWith('//')) return u;
  return /^https?:\/\//i.test(u) ? u : null;
}

// Experiment parameters in the lab's words: "1143.5 °C", "8.7 h", "Ba from BaCO3".
export function parameterList(p) {
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

export function phaseList(phases) {
  if (!Array.isArray(phases) || phases.length === 0) return '—';
  return phases.map((ph) => `${ph.formula ?? ph.id} ${pct(ph.weightFraction)}`).join(', ');
}

// The key parameters of a planned step, per action.
export function stepParams(step) {
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
        p.rangeStart && p.rangeEnd ? `${number(p.rangeStart.value)}–${qty(p.rangeEnd)}` : null].filter(Boolean).join(', ');
    case 'analyze':
      return [p.target ? `for ${p.target}` : null, Array.isArray(p.methods) ? `by ${p.methods.join(', ')}` : null]
        .filter(Boolean).join(' ');
    default:
      return Object.entries(p).map(([k, v]) => `${k} ${typeof v === 'object' ? qty(v) || JSON.stringify(v) : v}`).join(', ');
  }
}

// One journal event as a sentence.
export function eventText(e) {
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
      if (e.kind === 'campaign-resumed') return `campaign taken up from the journal: ${resumedText(e)}`;
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

// Who took an interrupted run up again, and why: "by ada via web from 127.0.0.1: power back".
export function resumedText(r) {
  return `by ${r.by || 'an operator'}${r.reason ? `: ${r.reason}` : ' (no reason given)'}`;
}
