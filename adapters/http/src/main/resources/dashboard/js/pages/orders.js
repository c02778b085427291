// Orders: the backlog and the allocations, filtered by region, accelerator, tier, status and tenant,
// a page at a time (cursor paging), and the events of one order.
//
// Calls: GET /orders?region&acceleratorType&tier&status&tenant&limit&cursor, GET /regions and
// /accelerator-types for the filter choices (staff only), GET /events?subject=<order id>.

import { all, api, ApiError } from '../api.js';
import { card, chip, count, empty, fill, h, label, TIERS, when } from '../dom.js';

const FILTERS = ['region', 'acceleratorType', 'tier', 'status', 'tenant'];
const STATUSES = ['PENDING', 'ALLOCATED', 'RELEASED', 'CANCELLED'];
const SIZES = ['25', '50', '100'];
/** Cursors of the pages seen, per filter, so that "Previous" can go back: trails.get(key)[page - 1]. */
const trails = new Map();
let choices = null;

export async function render(panel, ctx) {
  const p = ctx.params;
  const filter = Object.fromEntries(FILTERS.map(f => [f, p.get(f) || '']));
  const size = SIZES.includes(p.get('limit')) ? p.get('limit') : '25';
  const page = Math.max(1, Number.parseInt(p.get('page') || '1', 10) || 1);
  const cursor = page > 1 ? p.get('cursor') || '' : '';
  const key = JSON.stringify([filter, size]);
  const trail = trails.get(key) || [''];
  trails.set(key, trail);
  trail[page - 1] = cursor;

  const [listing, options] = await Promise.all([
    api('/orders', { query: { ...filter, limit: size, cursor: cursor || undefined } }),
    filterChoices(ctx.access.staff),
  ]);
  if (ctx.stale()) return;
  if (listing.nextCursor) trail[page] = listing.nextCursor;

  const go = changes => ctx.navigate('orders', { ...filter, limit: size === '25' ? '' : size, ...changes });
  const selected = p.get('order') || '';
  const first = (page - 1) * Number(size) + 1;
  const summary = listing.items.length
    ? `Orders ${count(first)}–${count(first + listing.items.length - 1)}, page ${page}${listing.nextCursor ? '' : ' (last page)'}`
    : 'No orders';

  fill(panel,
    h('div', { class: 'page-head' },
      h('h1', null, 'Orders'),
      h('p', null, ctx.access.staff
        ? 'Capacity orders of every tenant: the backlog waits in (tier, submitted-at) order.'
        : 'Your tenant’s capacity orders.')),
    card('Find orders', null,
      quickViews(filter, go),
      filterForm(filter, size, options, ctx.access, go)),
    card('Orders', summary,
      listing.items.length
        ? h('div', { class: 'table-wrap' }, table(listing.items, selected, page, cursor, go, ctx.access.staff))
        : empty(Object.values(filter).some(Boolean) ? 'No orders match these filters.' : 'No orders yet.'),
      pager(page, trail, listing.nextCursor, go)),
    selected ? h('div', { id: 'order-events' }, h('p', { class: 'loading' }, 'Loading the order’s events…')) : null);

  if (selected) {
    await events(panel.querySelector('#order-events'), selected, listing.items, ctx);
  }
}

async function filterChoices(staff) {
  if (!staff) return { regions: null, accelerators: null };
  if (!choices) {
    const [regions, accelerators] = await Promise.all([api('/regions'), api('/accelerator-types')]);
    choices = { regions: regions.items.map(r => [r.id, `${r.id} · ${r.name}`]), accelerators: accelerators.items.map(a => [a.id, a.id]) };
  }
  return choices;
}

function quickViews(filter, go) {
  const view = (text, status) => h('button', {
    type: 'button', class: 'secondary', 'aria-pressed': String(filter.status === status),
    dataset: { quick: status || 'ALL' },
    onclick: () => go({ status, page: '', cursor: '', order: '' }),
  }, text);
  return h('div', { class: 'quick', role: 'group', 'aria-label': 'Quick views' },
    view('Backlog (pending)', 'PENDING'), view('Allocations', 'ALLOCATED'), view('All orders', ''));
}

function filterForm(filter, size, options, access, go) {
  const select = (name, text, values, current) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, text),
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, 'Any'),
      values.map(([value, shown]) => h('option', { value, selected: value === current }, shown))));
  const input = (name, text, current, placeholder) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, text),
    h('input', { id: `filter-${name}`, name, value: current, placeholder, size: 16, spellcheck: 'false' }));
  const form = h('form', { class: 'filters', id: 'orders-filter', role: 'search', 'aria-label': 'Order filters' },
    options.regions ? select('region', 'Region', options.regions, filter.region) : input('region', 'Region', filter.region, 'cn-hangzhou'),
    options.accelerators
      ? select('acceleratorType', 'Accelerator', options.accelerators, filter.acceleratorType)
      : input('acceleratorType', 'Accelerator', filter.acceleratorType, 'H20'),
    select('tier', 'Tier', TIERS.map(t => [t, label(t)]), filter.tier),
    select('status', 'Status', STATUSES.map(s => [s, label(s)]), filter.status),
    access.staff ? input('tenant', 'Tenant', filter.tenant, 'moonshot-lab') : null,
    h('div', { class: 'field' },
      h('label', { for: 'filter-limit' }, 'Per page'),
      h('select', { id: 'filter-limit', name: 'limit' }, SIZES.map(s => h('option', { value: s, selected: s === size }, s)))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'apply-filters' }, 'Apply filters'),
      h('button', { type: 'button', class: 'secondary', id: 'clear-filters', onclick: () => go(Object.fromEntries([...FILTERS, 'limit', 'page', 'cursor', 'order'].map(f => [f, '']))) }, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    const changes = { page: '', cursor: '', order: '' };
    for (const f of [...FILTERS, 'limit']) changes[f] = (data.get(f) || '').toString().trim();
    if (changes.limit === '25') changes.limit = '';
    go(changes);
  });
  return form;
}

/** The orders; staff tokens also get a link to each order's events (the event log is staff-only). */
function table(orders, selected, page, cursor, go, events) {
  return h('table', { id: 'orders-table' },
    h('caption', { class: 'visually-hidden' }, 'Capacity orders'),
    h('thead', null, h('tr', null,
      ['Order', 'Pool', 'Tenant', 'Tier'].map(c => h('th', { scope: 'col' }, c)),
      h('th', { scope: 'col', class: 'num' }, 'GPUs'),
      h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col' }, 'Submitted (UTC)'),
      h('th', { scope: 'col' }, 'Admitted (UTC)'),
      h('th', { scope: 'col', class: 'num' }, 'Preempted'),
      events ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Events')) : null)),
    h('tbody', null, orders.map(o => h('tr', { dataset: { order: o.id }, class: o.id === selected ? 'selected' : null },
      h('th', { scope: 'row', title: o.id }, h('code', null, shortId(o.id))),
      h('td', { dataset: { field: 'pool' } }, o.pool),
      h('td', { dataset: { field: 'tenant' } }, o.tenant),
      h('td', { dataset: { field: 'tier' }, title: o.tier }, chip(`--tier-${o.tier}`), label(o.tier)),
      h('td', { class: 'num', dataset: { field: 'gpus' } }, count(o.gpus)),
      h('td', { dataset: { field: 'status' } }, h('span', { class: `status ${o.status}` }, o.status)),
      h('td', { title: o.submittedAt }, when(o.submittedAt).slice(0, 16)),
      h('td', { title: o.admittedAt || '' }, when(o.admittedAt).slice(0, 16)),
      h('td', { class: 'num' }, count(o.preemptions)),
      events ? h('td', null, h('button', {
        type: 'button', class: 'link', dataset: { events: o.id },
        'aria-label': `Events of order ${o.id}`,
        onclick: () => go({ page: page > 1 ? String(page) : '', cursor, order: o.id }),
      }, 'Events')) : null))));
}

function pager(page, trail, next, go) {
  const previous = page > 1 ? trail[page - 2] : null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages of orders' },
    h('button', { type: 'button', class: 'secondary', id: 'first-page', disabled: page === 1,
      onclick: () => go({ page: '', cursor: '', order: '' }) }, 'First'),
    h('button', { type: 'button', class: 'secondary', id: 'previous-page', disabled: page === 1,
      onclick: () => go(page - 1 === 1 || !previous
        ? { page: '', cursor: '', order: '' }
        : { page: String(page - 1), cursor: previous, order: '' }) }, 'Previous'),
    h('span', { class: 'where', id: 'page-number', 'aria-live': 'polite' }, `Page ${page}`),
    h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: !next,
      onclick: () => go({ page: String(page + 1), cursor: next, order: '' }) }, 'Next'));
}

async function events(slot, orderId, shown, ctx) {
  const order = shown.find(o => o.id === orderId) || await api(`/orders/${encodeURIComponent(orderId)}`).catch(() => null);
  let body;
  try {
    const list = await all('/events', { subject: orderId });
    body = list.length
      ? h('ol', null, list.map(e => h('li', { dataset: { event: e.type } },
        h('span', { class: 'type' }, e.type), ' ',
        h('span', { class: 'when' }, `${when(e.at)} UTC · by ${e.actor} (${e.role})`),
        e.reason ? h('div', null, `Why: ${e.reason}`) : null,
        Object.keys(e.details).length
          ? h('div', { class: 'details' }, Object.entries(e.details).map(([k, v]) => `${k}: ${v}`).join(' · '))
          : null)))
      : empty('No events recorded for this order.');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    body = h('p', { class: 'note' }, 'The event log is open to staff tokens only.');
  }
  if (ctx.stale()) return;
  const title = `Events of order ${shortId(orderId)}`;
  fill(slot, card(title,
    order ? `${order.pool} · ${order.tenant} · ${label(order.tier)} · ${count(order.gpus)} GPUs · ${order.status}` : orderId,
    h('div', { class: 'events', id: 'events-list' }, body),
    h('button', { type: 'button', class: 'secondary', onclick: () => ctx.navigate('orders', Object.fromEntries([...ctx.params.entries()].filter(([k]) => k !== 'order'))) }, 'Close')));
  slot.querySelector('h2').tabIndex = -1;
  slot.querySelector('h2').focus();
}

function shortId(id) {
  return id.length > 14 ? `${id.slice(0, 12)}…` : id;
}
