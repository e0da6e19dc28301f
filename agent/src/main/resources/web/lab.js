// The lab as the header shows it (data directory, a pause of the whole lab), refreshed for every page.

import { api } from './api.js';

export const lab = { state: null, listeners: new Set() };

export async function refreshLab() {
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
