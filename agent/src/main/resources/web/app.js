// Athanor web UI: runs, new goal and run pages behind hash routes. Plain ES2020 modules, no dependencies; every text
// from the server is inserted with textContent (never innerHTML), so a goal or a note can never become markup.

import { h, append, clear } from './dom.js';
import { newGoalView } from './goal-page.js';
import { refreshLab } from './lab.js';
import { runView } from './run-page.js';
import { runsView } from './runs-page.js';

const main = document.getElementById('main');
const LAB_POLL_MS = 3000;

let view = null;
let firstRoute = true;

function route() {
  if (view) view.dispose();
  clear(main);
  const hash = location.hash || '#/';
  let active = null;
  const m = /^#\/runs\/(.+)$/.exec(hash);
  let runId = null;
  try { runId = m ? decodeURIComponent(m[1]) : null; } catch (e) { runId = m[1]; } // a mangled %-escape: take it as typed
  if (hash === '#/' || hash === '#') { view = runsView(main); active = 'runs'; }
  else if (hash === '#/new') { view = newGoalView(main); active = 'new'; }
  else if (m) { view = runView(main, runId); active = 'runs'; }
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
