// The target fraction per experiment, drawn as inline SVG.

import { s, clear } from './dom.js';
import { pct } from './format.js';

/** Target fraction per experiment as inline SVG: points, best-so-far line, dashed goal line; y 0–100 %. */
export function drawChart(box, results, goal, budget) {
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
