// The dashboard: sign-in, the header (organization, user, role, live state), hash routing to the
// pages of views.js, and live events from the API's stream.

import { Problem, get, session } from './api.js';
import { connect } from './live.js';
import { h, replace } from './dom.js';
import * as views from './views.js';

const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');
let me = null;
let current = null;
let stream = null;

async function start() {
  if (!session.key()) {
    return showSignIn();
  }
  try {
    me = await get('/me');
  } catch (error) {
    session.signOut();
    return showSignIn(error instanceof Problem && error.status === 401 ? 'That key is not valid here.' : error.detail);
  }
  signIn.hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('who-organization').textContent = me.organization;
  document.getElementById('who-user').textContent = me.user;
  document.getElementById('who-role').textContent = me.role;
  document.title = `Trade Ledger: ${me.organization}`;
  stream = connect(onEvent, (state) => {
    const live = document.getElementById('live-state');
    live.textContent = state;
    live.dataset.state = state;
  });
  if (!location.hash || location.hash === '#/' || location.hash === '#') {
    location.hash = '#/inbox';
  } else {
    route();
  }
}

function showSignIn(message) {
  me = null;
  replace(view);
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  signIn.hidden = false;
  const problem = document.getElementById('api-key-problem');
  problem.hidden = !message;
  problem.textContent = message || '';
  document.getElementById('api-key').setAttribute('aria-invalid', message ? 'true' : 'false');
  document.getElementById('api-key').focus();
}

document.getElementById('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('api-key');
  const key = input.value.trim();
  input.value = '';
  if (!key) {
    return showSignIn('Enter your API key.');
  }
  session.signIn(key);
  start();
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  sessionStorage.clear();
  if (stream) stream.close();
  stream = null;
  location.hash = '';
  showSignIn();
});

window.addEventListener('tradeledger:unauthenticated', () => {
  if (me) {
    session.signOut();
    if (stream) stream.close();
    showSignIn('Your key was not accepted any more; sign in again.');
  }
});

// The skip link moves the focus to the page's content; followed as a link, its #main would be
// taken for a route.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

window.addEventListener('tradeledger:notice', (event) => toast(event.detail));
// The notices never take the focus; Escape clears them from over the page.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') document.getElementById('toasts').replaceChildren();
});

function toast(text, attributes = {}) {
  const toasts = document.getElementById('toasts');
  const item = h('div', { class: 'toast', ...attributes }, text);
  toasts.append(item);
  // The newest few stay in view; the page itself holds every fact.
  while (toasts.children.length > 3) toasts.firstElementChild.remove();
  setTimeout(() => item.remove(), 8000);
}

function onEvent(event) {
  const data = event.data || {};
  const ids = data.ids || {};
  if (ids.orderId) views.remember(ids.orderId);
  const about = Object.entries(ids).filter(([k]) => k.endsWith('Id')).map(([k, v]) => `${k.replace(/Id$/, '')} ${v}`).join(', ');
  toast(`${event.type} by ${(data.actor || {}).mspId || 'someone'}${about ? ': ' + about : ''}`, { 'data-event': event.type });
  if (current && current.onEvent) current.onEvent(event);
}

async function route() {
  if (!me) return;
  const [hashPath, query] = location.hash.slice(1).split('?');
  const parts = hashPath.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || '');
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${parts[0]}`);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  current = null;
  // Each route renders into its own element: a slower page still loading when the user moves on
  // renders into an element no longer shown, never over the page that replaced it.
  const page = h('div', { class: 'page' });
  replace(view, page);
  try {
    let shown;
    switch (parts[0]) {
      case 'trades':
        shown = parts[1] ? await views.trade(page, me, parts[1], parts[2]) : await views.trades(page, me, params);
        break;
      case 'shipments':
        shown = await views.shipments(page, me, params);
        break;
      case 'documents':
        shown = await views.documents(page, me);
        break;
      default:
        shown = await views.inbox(page, me);
    }
    if (!page.isConnected) return;
    current = shown;
    if (!parts[2]) {
      const title = document.getElementById('page-title');
      if (title && document.activeElement === document.body) title.focus({ preventScroll: true });
    }
  } catch (error) {
    views.failed(page, error);
  }
}

window.addEventListener('hashchange', route);
start();
