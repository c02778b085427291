// Plans: scenarios projected quarter by quarter, compared with the plan of record.
//
// Calls: GET /api/v1/openapi.json (public) to learn whether this server plans at all.

import { card, fill, h } from '../dom.js';

let planning = null;

/** The planning operations this server offers, from its OpenAPI document; empty when it does not plan. */
export async function planningOperations() {
  if (!planning) {
    planning = fetch('/api/v1/openapi.json', { cache: 'no-store' })
      .then(r => (r.ok ? r.json() : { paths: {} }))
      .then(doc => Object.keys(doc.paths || {}).filter(p => /^\/api\/v1\/(scenarios|plans)(\/|$)/.test(p)))
      .catch(() => {
        planning = null;
        return [];
      });
  }
  return planning;
}

function notAvailable() {
  return card('Planning is not available on this server', null,
    h('p', { id: 'planning-unavailable' },
      'This Fleetplan server offers no planning operations (no /api/v1/scenarios or /api/v1/plans in its API). '
      + 'The overview, orders and capex pages show the live state; quarter-by-quarter plans need a server that plans.'));
}

export async function render(panel, ctx) {
  const operations = await planningOperations();
  if (ctx.stale()) return;
  fill(panel, h('div', { class: 'page-head' }, h('h1', null, 'Plans')),
    operations.length ? card('Plans', null, h('p', null, 'Loading…')) : notAvailable());
}

/** The overview's "when it gets better" card. */
export async function outlook(slot, ctx) {
  const operations = await planningOperations();
  if (ctx.stale()) return;
  if (!operations.length) {
    fill(slot, card('When it gets better', null,
      h('p', { class: 'note' }, 'Planning is not available on this server, so no quarter is forecast here.')));
  }
}
