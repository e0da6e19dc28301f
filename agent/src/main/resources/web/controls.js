// Operator control: pause, resume and abort (with a reason and a confirmation), for one run or the whole lab.

import { h, nextId, errorBox } from './dom.js';

/**
 * Pause / Resume / Abort with an optional reason, and an inline confirmation before an abort.
 * act(action, reason) performs the request and returns the server's message.
 */
export function controlGroup({ title, subject, act, labels = {}, testids = {} }) {
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
