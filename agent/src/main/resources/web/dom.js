// Building the page: elements made from data with text only (never markup), and the small pieces every page uses.

/** Element with attributes and children. attrs: class, testid, text, on: {event: fn}, props (disabled, hidden, value…), else setAttribute. */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
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

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** A message area for errors from the API; hidden while empty. */
export function errorBox() {
  const e = h('p', { class: 'error', testid: 'error', role: 'alert', hidden: true });
  return {
    node: e,
    show(message) { e.textContent = message; e.hidden = false; },
    clear() { e.textContent = ''; e.hidden = true; },
  };
}

/** Lab time (ISO) shown compactly: "01-06 10:58". The full value stays in the title. */
export function labTime(iso) {
  if (!iso) return h('span', { class: 'muted', text: '—' });
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return h('time', { datetime: iso, title: iso, text: m ? `${m[1]}-${m[2]} ${m[3]}:${m[4]}` : iso });
}

/** A wall-clock time in the browser's own time zone, e.g. "2026-11-27 18:40". */
export function wallTime(iso) {
  if (!iso) return h('span', { class: 'muted', text: '—' });
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return h('span', { text: iso });
  const p = (n) => String(n).padStart(2, '0');
  return h('time', { datetime: iso, title: d.toString(),
    text: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}` });
}

export function badge(word, extraClass = '') {
  const known = ['starting', 'running', 'paused', 'interrupted', 'finished', 'aborted', 'failed',
    'approved', 'refused', 'rejected', 'warning'];
  const cls = known.includes(word) ? word : 'other';
  return h('span', { class: `badge ${cls} ${extraClass}`.trim(), text: word ?? 'unknown' });
}
