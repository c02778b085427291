// The dashboard shell: sign-in, what the token may see, the tabs, the error banner, and routing
// between pages by the location hash (#orders?status=PENDING). The token never enters the URL.

import { api, ApiError, forgetToken, healthy, keepToken, onConnection, token } from './api.js';
import { fill, h } from './dom.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  orders: () => import('./pages/orders.js'),
  capex: () => import('./pages/capex.js'),
  plans: () => import('./pages/plans.js'),
};
const STAFF_ONLY = ['overview', 'capex', 'plans'];

const $ = id => document.getElementById(id);
const tabs = () => [...document.querySelectorAll('[role="tab"]')];

/** What the signed-in token may see: staff tokens read the fleet; tenant tokens only their orders. */
const access = { signedIn: false, staff: false, tenant: null };
let rendering = 0;
let downTimer = null;
let current = null;

// ------------------------------------------------------------------ connection states

onConnection({
  unauthorized: () => signOut('Your session has ended: the token is unknown, expired or revoked. Sign in again.'),
  down: error => showDown(error),
  up: () => hideDown(),
});

function showDown(error) {
  const banner = $('banner');
  const problem = error.problem || {};
  const text = error.status === 0
    ? 'The Fleetplan API is not answering. The figures shown may be out of date; retrying every 5 seconds.'
    : `The Fleetplan API failed: ${problem.title || 'server error'} (HTTP ${error.status})`
      + `${problem.correlationId ? `, correlation id ${problem.correlationId}` : ''}. Try again in a moment.`;
  $('banner-text').textContent = text;
  banner.hidden = false;
  banner.dataset.state = error.status === 0 ? 'down' : 'failing';
  if (error.status === 0 && !downTimer) {
    downTimer = setInterval(async () => {
      if (await healthy()) {
        hideDown();
        route();
      }
    }, 5000);
  }
}

function hideDown() {
  if (downTimer) {
    clearInterval(downTimer);
    downTimer = null;
  }
  const banner = $('banner');
  if (!banner.hidden) {
    banner.hidden = true;
    delete banner.dataset.state;
  }
}

$('banner-retry').addEventListener('click', async () => {
  if (await healthy()) {
    hideDown();
    route();
  } else {
    showDown(new ApiError(0, { title: 'The Fleetplan API is not answering' }));
  }
});

// ------------------------------------------------------------------ signing in and out

function showSignIn(message = '') {
  access.signedIn = false;
  document.querySelector('.tabs').hidden = true;
  $('session').hidden = true;
  for (const page of document.querySelectorAll('.page')) {
    page.hidden = true;
    page.replaceChildren();
  }
  $('sign-in').hidden = false;
  $('sign-in-message').textContent = message;
  document.title = 'Sign in · Fleetplan';
  const input = $('token');
  input.value = '';
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
  input.focus();
}

function signOut(message = '') {
  forgetToken();
  showSignIn(message);
}

/**
 * Checks a secret and learns what it may see. Listing orders is open to every role (a tenant sees
 * its own); listing regions is open to staff only, so a 403 there means a tenant token.
 */
async function establish(secret) {
  const orders = await api('/orders', { query: { limit: 1 }, secret });
  access.staff = false;
  access.tenant = null;
  try {
    await api('/regions', { secret });
    access.staff = true;
  } catch (error) {
    if (!(error instanceof ApiError) || !error.forbidden) throw error;
    access.tenant = orders.items.length ? orders.items[0].tenant : null;
  }
  access.signedIn = true;
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const secret = $('token').value.trim();
  const button = $('sign-in-button');
  if (!secret) {
    $('sign-in-message').textContent = 'Enter an API token.';
    $('token').setAttribute('aria-invalid', 'true');
    $('token').focus();
    return;
  }
  button.disabled = true;
  $('sign-in-message').textContent = '';
  try {
    await establish(secret);
    keepToken(secret);
    enter();
  } catch (error) {
    const message = error instanceof ApiError && error.status === 401
      ? 'That token is unknown, expired or revoked.'
      : error instanceof ApiError && error.status === 0
        ? 'The Fleetplan API is not answering; try again when it is back.'
        : `Signing in failed: ${error.message}`;
    showSignIn(message);
  } finally {
    button.disabled = false;
  }
});

$('sign-out').addEventListener('click', () => signOut('Signed out.'));
$('refresh').addEventListener('click', () => route(true));

function enter() {
  $('sign-in').hidden = true;
  document.querySelector('.tabs').hidden = false;
  $('session').hidden = false;
  $('session-role').textContent = access.staff ? 'Staff token' : `Tenant token${access.tenant ? ` · ${access.tenant}` : ''}`;
  for (const tab of tabs()) {
    tab.hidden = !access.staff && STAFF_ONLY.includes(tab.dataset.page);
  }
  route(true);
}

// ------------------------------------------------------------------ tabs and routing

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [page, query] = raw.split('?');
  return { page: page || '', params: new URLSearchParams(query || '') };
}

/** Goes to a page, with its parameters in the hash (never the token). */
export function navigate(page, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const hash = `#${page}${query.toString() ? `?${query}` : ''}`;
  if (window.location.hash === hash) route(true);
  else window.location.hash = hash;
}

function allowedPage(page) {
  if (!PAGES[page]) return access.staff ? 'overview' : 'orders';
  if (!access.staff && STAFF_ONLY.includes(page)) return 'orders';
  return page;
}

async function route(force = false) {
  if (!access.signedIn) return;
  const { page: asked, params } = parseHash();
  const page = allowedPage(asked);
  if (page !== asked) {
    history.replaceState(null, '', `#${page}`);
  }
  const key = `${page}?${params}`;
  if (!force && current === key) return;
  current = key;
  for (const tab of tabs()) {
    const selected = tab.dataset.page === page;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  for (const panel of document.querySelectorAll('.page')) {
    panel.hidden = panel.id !== `page-${page}`;
  }
  const panel = $(`page-${page}`);
  const label = $(`tab-${page}`).textContent;
  document.title = `${label} · Fleetplan`;
  const mine = ++rendering;
  panel.setAttribute('aria-busy', 'true');
  if (!panel.firstChild) fill(panel, h('p', { class: 'loading' }, `Loading ${label.toLowerCase()}…`));
  try {
    const module = await PAGES[page]();
    await module.render(panel, {
      params,
      access,
      navigate,
      refresh: () => route(true),
      stale: () => mine !== rendering,
    });
  } catch (error) {
    if (mine !== rendering) return;
    if (error instanceof ApiError && error.status === 401) return;
    // with the API away, the figures last drawn stay (the banner says they may be out of date)
    if (error instanceof ApiError && error.status === 0 && panel.querySelector('.card, .kpis')) return;
    fill(panel, h('div', { class: 'card' },
      h('h1', null, label),
      h('p', { class: 'error-inline', role: 'alert' }, unavailable(error))));
  } finally {
    if (mine === rendering) panel.setAttribute('aria-busy', 'false');
  }
}

function unavailable(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'This token may not see this page.';
    if (error.status === 0) return 'The Fleetplan API is not answering.';
    return `${error.problem.title || 'The API refused'}: ${error.problem.detail || `HTTP ${error.status}`}`;
  }
  return `Something went wrong while drawing this page: ${error.message}`;
}

window.addEventListener('hashchange', () => route());

// Tabs follow the WAI-ARIA tabs pattern: arrows, Home and End move between them and select.
$('tablist').addEventListener('keydown', event => {
  const visible = tabs().filter(tab => !tab.hidden);
  const at = visible.indexOf(document.activeElement);
  if (at < 0) return;
  let next = null;
  if (event.key === 'ArrowRight') next = visible[(at + 1) % visible.length];
  else if (event.key === 'ArrowLeft') next = visible[(at - 1 + visible.length) % visible.length];
  else if (event.key === 'Home') next = visible[0];
  else if (event.key === 'End') next = visible[visible.length - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
  navigate(next.dataset.page);
});
for (const tab of tabs()) {
  tab.addEventListener('click', () => navigate(tab.dataset.page));
}

// ------------------------------------------------------------------ start

async function start() {
  const secret = token();
  if (!secret) {
    showSignIn();
    return;
  }
  try {
    await establish(secret);
    enter();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('Your session has ended: the token is unknown, expired or revoked. Sign in again.');
    } else {
      showSignIn(error instanceof ApiError && error.status === 0
        ? 'The Fleetplan API is not answering; sign in again when it is back.'
        : `Signing in failed: ${error.message}`);
    }
  }
}

start();
