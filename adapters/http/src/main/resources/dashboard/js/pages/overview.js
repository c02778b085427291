// Overview: where capacity is short (pools), why (data centres: pipeline, inventory, power), and,
// when the server plans, when it gets better.
//
// Calls: GET /pools, /regions, /data-centers, /skus, /batches (and the plan of record, see plans.js).

import { api } from '../api.js';
import {
  bar, card, chip, count, decimal, empty, fill, h, kpis, kw, label, percent, STAGE_LABELS, STAGES, TIERS,
} from '../dom.js';

const SHORT_STAGE = {
  ORDERED: 'Not delivered', DELIVERED: 'Waiting for power', INSTALLED: 'Installed', IN_SERVICE: 'In service',
};

export async function render(panel, ctx) {
  const [pools, regions, dataCenters, skus, batches] = await Promise.all([
    api('/pools'), api('/regions'), api('/data-centers'), api('/skus'), api('/batches'),
  ]);
  if (ctx.stale()) return;
  const regionNames = new Map(regions.items.map(r => [r.id, r.name]));
  fill(panel,
    h('div', { class: 'page-head' },
      h('h1', null, 'Overview'),
      h('p', null, 'Where GPU capacity is short, why, and when it gets better.')),
    headline(pools.items, dataCenters.items),
    shortPools(pools.items, regionNames),
    sites(dataCenters.items, regionNames, skus.items, batches.items),
    h('div', { id: 'overview-outlook' }));
  performance.mark('fleetplan:overview-rendered');
  outlook(panel.querySelector('#overview-outlook'), ctx);
}

// ------------------------------------------------------------------ headline figures

function headline(pools, dataCenters) {
  const sum = (items, f) => items.reduce((total, item) => total + Number(f(item)), 0);
  const capacity = sum(pools, p => p.capacity);
  const allocated = sum(pools, p => p.allocated);
  const backlog = sum(pools, p => p.backlogGpus);
  const pendingOrders = sum(pools, p => sum(Object.values(p.pendingOrders), v => v));
  const shortPools = pools.filter(p => p.backlogGpus > 0).length;
  const waitingForPower = sum(dataCenters, d => d.serversByStage.DELIVERED || 0);
  const undeployed = sum(dataCenters, d => d.undeployed);
  const powerInUse = sum(dataCenters, d => d.powerInUseKw);
  const powerCapacity = sum(dataCenters, d => d.powerCapacityKw);
  return kpis([
    { label: 'GPUs in service', value: count(capacity), field: 'capacity' },
    { label: 'GPUs allocated', value: count(allocated), field: 'allocated',
      note: capacity ? `${percent(100 * allocated / capacity)} of capacity` : null },
    { label: 'Backlog (GPUs waiting)', value: count(backlog), field: 'backlog', tone: backlog ? 'alert' : 'good',
      note: `${count(pendingOrders)} pending orders in ${count(shortPools)} pools` },
    { label: 'Undeployed inventory', value: `${count(undeployed)} servers`, field: 'undeployed',
      tone: undeployed ? 'warn' : '',
      note: `delivered, not in service: ${count(waitingForPower)} waiting for power, ${count(undeployed - waitingForPower)} installed` },
    { label: 'Power in use', value: kw(powerInUse), field: 'power',
      note: powerCapacity ? `of ${kw(powerCapacity)} (${percent(100 * powerInUse / powerCapacity)})` : null },
  ], { 'aria-label': 'Headline figures' });
}

// ------------------------------------------------------------------ pools

function shortPools(pools, regionNames) {
  const shown = pools.filter(p => p.capacity > 0 || p.allocated > 0 || p.backlogGpus > 0);
  const hidden = pools.length - shown.length;
  if (!shown.length) {
    return card('Where capacity is short', null,
      empty(pools.length ? 'No pool has capacity, allocations or a backlog yet.' : 'No GPU pools yet: register an accelerator type and a region.'));
  }
  const byRegion = new Map();
  for (const pool of shown) {
    if (!byRegion.has(pool.region)) byRegion.set(pool.region, []);
    byRegion.get(pool.region).push(pool);
  }
  const total = p => p.backlogGpus;
  const regionOrder = [...byRegion.entries()]
    .map(([region, list]) => ({ region, list: list.sort((a, b) => total(b) - total(a) || a.id.localeCompare(b.id)) }))
    .sort((a, b) => sumOf(b.list, total) - sumOf(a.list, total) || a.region.localeCompare(b.region));
  const scale = Math.max(1, ...shown.map(p => Math.max(p.capacity, p.allocated) + p.backlogGpus));

  const table = h('table', { id: 'pools-table' },
    h('caption', { class: 'visually-hidden' }, 'GPU pools by region: capacity, allocations and backlog'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Pool'),
      h('th', { scope: 'col', class: 'num' }, 'Capacity'),
      h('th', { scope: 'col', class: 'num' }, 'Allocated'),
      h('th', { scope: 'col', class: 'num' }, 'Free'),
      h('th', { scope: 'col', class: 'num' }, 'Backlog'),
      h('th', { scope: 'col' }, 'Backlog by tier (GPUs)'),
      h('th', { scope: 'col' }, 'Capacity against demand'))));
  for (const { region, list } of regionOrder) {
    const body = h('tbody', { dataset: { region } });
    body.append(h('tr', { class: 'group' },
      h('th', { scope: 'rowgroup', colspan: '1' }, `${regionNames.get(region) || region}`,
        h('span', { class: 'note' }, ` · ${region}`)),
      h('td', { class: 'num' }, count(sumOf(list, p => p.capacity))),
      h('td', { class: 'num' }, count(sumOf(list, p => p.allocated))),
      h('td', { class: 'num' }, count(sumOf(list, p => p.free))),
      h('td', { class: 'num', dataset: { field: 'regionBacklog' } }, count(sumOf(list, p => p.backlogGpus))),
      h('td', { colspan: '2' })));
    for (const pool of list) body.append(poolRow(pool, scale));
    table.append(body);
  }
  return card('Where capacity is short',
    'Capacity in service against what is allocated and what waits in the backlog, per region and pool. '
    + 'Bars share one scale.',
    legend(),
    h('div', { class: 'table-wrap' }, table),
    hidden ? h('p', { class: 'note' }, `${count(hidden)} empty pools (no capacity, allocations or backlog) are not shown.`) : null);
}

function poolRow(pool, scale) {
  const short = pool.backlogGpus > 0;
  const segments = [
    ...TIERS.map(t => ({ value: pool.allocatedByTier[t] || 0, color: `var(--tier-${t})`,
      title: `${label(t)}: ${count(pool.allocatedByTier[t] || 0)} GPUs allocated` })),
    { value: pool.free, className: 'free', title: `${count(pool.free)} GPUs free` },
    { value: pool.backlogGpus > 0 ? 1 : 0, className: 'capacity-edge', title: 'Capacity in service ends here' },
    ...TIERS.map(t => ({ value: pool.pendingGpus[t] || 0, color: `var(--tier-${t})`, className: 'backlog',
      title: `${label(t)}: ${count(pool.pendingGpus[t] || 0)} GPUs waiting` })),
  ];
  return h('tr', { dataset: { pool: pool.id } },
    h('th', { scope: 'row' }, pool.acceleratorType, h('span', { class: 'note' }, ` ${pool.region}`)),
    h('td', { class: 'num', dataset: { field: 'capacity' } }, count(pool.capacity)),
    h('td', { class: 'num', dataset: { field: 'allocated' } }, count(pool.allocated)),
    h('td', { class: 'num', dataset: { field: 'free' } }, count(pool.free)),
    h('td', { class: `num ${short ? 'short' : ''}`, dataset: { field: 'backlogGpus' } }, count(pool.backlogGpus)),
    h('td', null, h('div', { class: 'tiers' }, TIERS.map(t => h('span', { dataset: { tier: t }, title: label(t) },
      chip(`--tier-${t}`), h('span', { class: 'visually-hidden' }, `${label(t)}: `), count(pool.pendingGpus[t] || 0))))),
    h('td', { class: 'bar-cell' }, bar(segments, scale, {
      'aria-label': `${pool.id}: ${count(pool.capacity)} GPUs in service, ${count(pool.allocated)} allocated, `
        + `${count(pool.backlogGpus)} waiting`,
    })));
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    TIERS.map(t => h('li', null, chip(`--tier-${t}`), label(t))),
    h('li', null, chip('--free'), 'Free'),
    h('li', null, h('span', { class: 'chip backlog', style: { background: '#999' }, 'aria-hidden': 'true' }),
      'Hatched: backlog beyond capacity, by tier'));
}

// ------------------------------------------------------------------ data centres

function sites(dataCenters, regionNames, skus, batches) {
  if (!dataCenters.length) {
    return card('Why: data centres', null, empty('No data centres registered yet.'));
  }
  const kwPerServer = new Map(skus.map(s => [s.id, Number(s.powerPerServerKw)]));
  const waitingKw = new Map();
  for (const b of batches) {
    const waiting = (b.delivered - b.installed) * (kwPerServer.get(b.sku) || 0);
    waitingKw.set(b.dataCenter, (waitingKw.get(b.dataCenter) || 0) + waiting);
  }
  const list = [...dataCenters].sort((a, b) => b.undeployed - a.undeployed || a.id.localeCompare(b.id));
  const scale = Math.max(1, ...list.map(d => STAGES.filter(s => s !== 'RETIRED')
    .reduce((t, s) => t + (d.serversByStage[s] || 0), 0)));
  const table = h('table', { id: 'sites-table' },
    h('caption', { class: 'visually-hidden' }, 'Data centres: deployment pipeline, undeployed inventory and power'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Data centre'),
      h('th', { scope: 'col' }, 'Deployment pipeline (servers)'),
      ...['ORDERED', 'DELIVERED', 'INSTALLED', 'IN_SERVICE'].map(s => h('th', { scope: 'col', class: 'num' }, SHORT_STAGE[s])),
      h('th', { scope: 'col', class: 'num' }, 'Undeployed'),
      h('th', { scope: 'col' }, 'Power in use / capacity'),
      h('th', { scope: 'col' }, 'What holds it back'))),
    h('tbody', null, list.map(d => siteRow(d, regionNames, scale, waitingKw.get(d.id) || 0))));
  return card('Why: data centres',
    'Servers at each stage of the deployment pipeline, the inventory delivered but not in service, '
    + 'and the power it would need.',
    h('ul', { class: 'legend', 'aria-label': 'Pipeline legend' },
      STAGES.filter(s => s !== 'RETIRED').map(s => h('li', null, chip(`--stage-${s}`), STAGE_LABELS[s]))),
    h('div', { class: 'table-wrap' }, table));
}

function siteRow(d, regionNames, scale, waitingKw) {
  const stage = s => d.serversByStage[s] || 0;
  const capacity = Number(d.powerCapacityKw);
  const inUse = Number(d.powerInUseKw);
  const headroom = Number(d.powerHeadroomKw);
  const tight = capacity > 0 && inUse / capacity >= 0.9;
  return h('tr', { dataset: { dataCenter: d.id } },
    h('th', { scope: 'row' }, d.name, h('br'), h('span', { class: 'note' }, `${d.id} · ${d.region}`)),
    h('td', { class: 'stage-bar' }, bar(['ORDERED', 'DELIVERED', 'INSTALLED', 'IN_SERVICE'].map(s => ({
      value: stage(s), color: `var(--stage-${s})`, title: `${STAGE_LABELS[s]}: ${count(stage(s))}`,
    })), scale, { 'aria-label': `${d.id} pipeline: ${STAGES.map(s => `${STAGE_LABELS[s]} ${count(stage(s))}`).join(', ')}` })),
    ...['ORDERED', 'DELIVERED', 'INSTALLED', 'IN_SERVICE'].map(s => h('td', { class: 'num', dataset: { stage: s } }, count(stage(s)))),
    h('td', { class: 'num', dataset: { field: 'undeployed' } }, count(d.undeployed)),
    h('td', { class: 'power' },
      bar([{ value: inUse, className: `inuse ${tight ? 'tight' : ''}`, title: `${kw(inUse)} in use` },
        { value: headroom, className: 'headroom', title: `${kw(headroom)} free` }], capacity,
      { 'aria-label': `${d.id} power: ${kw(inUse)} in use of ${kw(capacity)}` }),
      h('span', { class: 'note', dataset: { field: 'power' } }, `${decimal(inUse)} / ${kw(capacity)}`)),
    h('td', { class: 'holds' }, holdsBack(d, waitingKw)));
}

/** Why servers of a site are not in service yet, most pressing first. */
function holdsBack(d, waitingKw) {
  const reasons = [];
  const delivered = d.serversByStage.DELIVERED || 0;
  const installed = d.serversByStage.INSTALLED || 0;
  const ordered = d.serversByStage.ORDERED || 0;
  const headroom = Number(d.powerHeadroomKw);
  if (delivered > 0 && waitingKw > headroom) {
    reasons.push(['POWER', `Power: ${count(delivered)} delivered servers need ${kw(waitingKw)}; ${kw(headroom)} free`]);
  }
  const toDeploy = delivered + installed;
  if (toDeploy > 0) {
    const weeks = d.throughputPerWeek > 0 ? Math.ceil(toDeploy / d.throughputPerWeek) : null;
    reasons.push(['DEPLOYMENT', weeks === null
      ? `Crews: ${count(toDeploy)} servers to rack and bring into service, and no deployment throughput`
      : `Crews: ${count(toDeploy)} servers to rack and bring into service, about ${weeks} weeks at ${count(d.throughputPerWeek)} a week`]);
  }
  if (ordered > 0) reasons.push(['SUPPLY', `Supply: ${count(ordered)} servers not delivered yet`]);
  if (!reasons.length) return h('span', { class: 'note' }, 'Nothing waiting');
  return h('ul', { class: 'legend', style: { flexDirection: 'column', gap: '.1rem', margin: 0 } },
    reasons.map(([constraint, text]) => h('li', { dataset: { constraint } }, chip(`--bind-${constraint}`), text)));
}

// ------------------------------------------------------------------ when it gets better

async function outlook(slot, ctx) {
  try {
    const plans = await import('./plans.js');
    await plans.outlook(slot, ctx);
  } catch (error) {
    if (!ctx.stale()) fill(slot, card('When it gets better', null, h('p', { class: 'note' }, `No outlook: ${error.message}`)));
  }
}

function sumOf(items, f) {
  return items.reduce((total, item) => total + Number(f(item)), 0);
}
