// Capex: the commitment, cumulative spend against it, spend per quarter and category, the burn
// against the run rate needed to finish on time, when it runs out, and its amendments.
//
// Calls: GET /commitments, GET /commitments/{id}, GET /commitments/{id}/status.

import { api } from '../api.js';
import { columns, quarterChart } from '../charts.js';
import { bar, card, count, empty, fill, h, kpis, label, money, percent, scaled, when } from '../dom.js';

const CATEGORIES = ['SERVERS', 'DATA_CENTER', 'NETWORK', 'OTHER'];
const CATEGORY_COLOURS = { SERVERS: '#1f4e9c', DATA_CENTER: '#138a7e', NETWORK: '#d9822b', OTHER: '#8d8d8d' };

export async function render(panel, ctx) {
  const list = await api('/commitments');
  if (ctx.stale()) return;
  if (!list.items.length) {
    fill(panel, h('div', { class: 'page-head' }, h('h1', null, 'Capex')),
      card('Commitments', null, empty('No capex commitment yet: a planner opens one with POST /api/v1/commitments.')));
    return;
  }
  const wanted = ctx.params.get('commitment');
  const id = list.items.some(c => c.id === wanted) ? wanted : list.items[0].id;
  const [commitment, status] = await Promise.all([
    api(`/commitments/${encodeURIComponent(id)}`),
    api(`/commitments/${encodeURIComponent(id)}/status`),
  ]);
  if (ctx.stale()) return;

  const quarters = quarterRange(commitment.start, commitment.end);
  const cumulativeChart = h('div', { class: 'chart', id: 'capex-cumulative' });
  fill(panel,
    h('div', { class: 'page-head' },
      h('h1', null, 'Capex'),
      h('p', null, `${commitment.name} · ${commitment.start}–${commitment.end} · as of ${status.asOf}`),
      list.items.length > 1 ? chooser(list.items, id, ctx) : null),
    headline(status),
    h('div', { class: 'grid-2' },
      card('Cumulative spend against the commitment',
        'Spend to date and the tranche plan, quarter by quarter, under the commitment’s total.',
        cumulativeChart,
        cumulativeTable(quarters, status, commitment)),
      card('Burn against the required run rate', null, burn(status))),
    h('div', { class: 'grid-2' },
      card('Spend per quarter and category', null, perQuarter(commitment, status)),
      card('Spend by category', null, byCategory(status))),
    card('Amendments', 'Changes to the commitment’s total or end, with the reason given.', amendments(commitment)));

  await cumulative(cumulativeChart, quarters, status, commitment);
}

function chooser(items, id, ctx) {
  return h('label', null, 'Commitment ',
    h('select', { id: 'commitment', onchange: e => ctx.navigate('capex', { commitment: e.target.value }) },
      items.map(c => h('option', { value: c.id, selected: c.id === id }, c.name))));
}

function headline(s) {
  const burn = Number(s.trailingFourQuarters.amount);
  const needed = Number(s.requiredAnnualRunRate.amount);
  return kpis([
    { label: 'Spent', value: money(s.spent), field: 'spent', data: { amount: s.spent.amount },
      title: `${s.spent.currency} ${s.spent.amount}`, note: `${percent(s.percentDeployed)} of ${money(s.total)}` },
    { label: 'Remaining', value: money(s.remaining), field: 'remaining', data: { amount: s.remaining.amount },
      title: `${s.remaining.currency} ${s.remaining.amount}` },
    { label: 'Burn, last four quarters', value: money(s.trailingFourQuarters), field: 'burn',
      data: { amount: s.trailingFourQuarters.amount }, tone: burn < needed ? 'warn' : 'good',
      note: `needs ${money(s.requiredAnnualRunRate)} a year to finish by the end` },
    { label: 'Runs out', value: s.exhaustionQuarter || 'not at this burn', field: 'exhaustion',
      tone: s.exhaustedAfterEnd ? 'warn' : '',
      note: s.exhaustedAfterEnd ? 'after the commitment ends: the burn is too slow' : 'within the commitment' },
    { label: 'Amendments', value: count(s.amendments), field: 'amendments' },
  ], { 'aria-label': 'Commitment status' });
}

async function cumulative(container, quarters, s, commitment) {
  const spent = [];
  const planned = [];
  let spentSum = 0;
  let plannedSum = 0;
  const asOfIndex = quarters.indexOf(s.asOf);
  quarters.forEach((q, i) => {
    spentSum += Number(s.spendByQuarter[q]?.amount || 0);
    plannedSum += Number(s.plannedByQuarter[q]?.amount || 0);
    spent.push(asOfIndex < 0 || i <= asOfIndex ? spentSum : null);
    planned.push(plannedSum);
  });
  const total = quarters.map(() => Number(commitment.total.amount));
  await quarterChart(container, {
    quarters,
    format: v => scaled(v),
    series: [
      { label: `Commitment (${commitment.total.currency})`, values: total, color: '#b3261e', dash: [6, 4] },
      { label: 'Planned, cumulative', values: planned, color: '#7aa6d6', dash: [3, 3] },
      { label: 'Spent, cumulative', values: spent, color: '#17324d', width: 3, fill: 'rgba(23,50,77,0.12)' },
    ],
  });
}

function cumulativeTable(quarters, s) {
  let spentSum = 0;
  let plannedSum = 0;
  return h('details', null, h('summary', null, 'Figures by quarter'),
    h('table', { id: 'capex-quarters' },
      h('thead', null, h('tr', null, ['Quarter', 'Spent', 'Planned', 'Spent to date', 'Planned to date']
        .map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
      h('tbody', null, quarters.map(q => {
        const spent = s.spendByQuarter[q];
        const planned = s.plannedByQuarter[q];
        spentSum += Number(spent?.amount || 0);
        plannedSum += Number(planned?.amount || 0);
        return h('tr', { dataset: { quarter: q } },
          h('th', { scope: 'row' }, q),
          h('td', { class: 'num', dataset: { field: 'spent', amount: spent ? spent.amount : '0' } }, spent ? money(spent) : '–'),
          h('td', { class: 'num' }, planned ? money(planned) : '–'),
          h('td', { class: 'num' }, scaled(spentSum)),
          h('td', { class: 'num' }, scaled(plannedSum)));
      }))));
}

function burn(s) {
  const burnAmount = Number(s.trailingFourQuarters.amount);
  const needed = Number(s.requiredAnnualRunRate.amount);
  const scale = Math.max(burnAmount, needed, 1);
  const gap = needed - burnAmount;
  return h('div', null,
    h('div', { class: 'compare-bars', id: 'burn-bars' },
      h('span', null, 'Burn (last four quarters)'),
      bar([{ value: burnAmount, color: '#17324d' }], scale, { 'aria-label': `Burn ${money(s.trailingFourQuarters)} a year` }),
      h('span', { class: 'val' }, money(s.trailingFourQuarters)),
      h('span', null, 'Required annual run rate'),
      bar([{ value: needed, color: '#b3261e' }], scale, { 'aria-label': `Required ${money(s.requiredAnnualRunRate)} a year` }),
      h('span', { class: 'val', dataset: { field: 'requiredAnnualRunRate', amount: s.requiredAnnualRunRate.amount } },
        money(s.requiredAnnualRunRate))),
    h('p', { class: 'note' }, gap > 0
      ? `To spend the commitment by its end, spending must rise by ${s.total.currency} ${scaled(gap)} a year. `
        + `At the current burn the remainder runs out in ${s.exhaustionQuarter || 'no foreseeable quarter'}.`
      : `The current burn spends the commitment by its end; at this rate it runs out in ${s.exhaustionQuarter || '–'}.`),
    h('p', { class: 'note' }, `Planned in tranches: ${money(s.planned)} of ${money(s.total)}.`));
}

function perQuarter(commitment, s) {
  const quarters = Object.keys(s.spendByQuarter);
  if (!quarters.length) return empty('No spend recorded yet.');
  const byQuarterCategory = new Map();
  for (const spend of commitment.spends) {
    const key = `${spend.quarter}|${spend.category}`;
    byQuarterCategory.set(key, (byQuarterCategory.get(key) || 0) + Number(spend.amount.amount));
  }
  const stacks = CATEGORIES.map(c => ({
    key: c, label: label(c), color: CATEGORY_COLOURS[c],
    values: quarters.map(q => byQuarterCategory.get(`${q}|${c}`) || 0),
  }));
  return h('div', null,
    h('ul', { class: 'legend' }, CATEGORIES.map(c => h('li', null,
      h('span', { class: 'chip', style: { background: CATEGORY_COLOURS[c] }, 'aria-hidden': 'true' }), label(c)))),
    columns(quarters, stacks, v => `${s.total.currency} ${scaled(v)}`,
      { id: 'spend-columns', 'aria-label': 'Spend per quarter, stacked by category' }),
    h('details', null, h('summary', null, 'Figures by quarter and category'),
      h('table', { id: 'spend-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'),
          CATEGORIES.map(c => h('th', { scope: 'col', class: 'num' }, label(c))),
          h('th', { scope: 'col', class: 'num' }, 'Total'))),
        h('tbody', null, quarters.map((q, i) => h('tr', { dataset: { quarter: q } },
          h('th', { scope: 'row' }, q),
          stacks.map(st => h('td', { class: 'num' }, scaled(st.values[i]))),
          h('td', { class: 'num', dataset: { amount: s.spendByQuarter[q].amount } }, money(s.spendByQuarter[q]))))))));
}

function byCategory(s) {
  const entries = Object.entries(s.spendByCategory);
  const max = Math.max(1, ...entries.map(([, m]) => Number(m.amount)));
  if (!entries.some(([, m]) => Number(m.amount) > 0)) return empty('No spend recorded yet.');
  return h('div', { class: 'compare-bars', id: 'category-bars' }, entries.map(([c, m]) => [
    h('span', null, h('span', { class: 'chip', style: { background: CATEGORY_COLOURS[c] || '#777' }, 'aria-hidden': 'true' }), label(c)),
    bar([{ value: Number(m.amount), color: CATEGORY_COLOURS[c] || '#777' }], max, { 'aria-label': `${label(c)}: ${money(m)}` }),
    h('span', { class: 'val', dataset: { category: c, amount: m.amount } }, money(m)),
  ]));
}

function amendments(commitment) {
  if (!commitment.amendments.length) return empty('No amendments: the commitment stands as opened.');
  return h('div', { class: 'table-wrap' }, h('table', { id: 'amendments-table' },
    h('thead', null, h('tr', null, ['When', 'Total', 'End', 'Reason'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', null, commitment.amendments.map(a => h('tr', null,
      h('td', null, `${when(a.at)} UTC`),
      h('td', { dataset: { amount: a.newTotal.amount } }, `${money(a.previousTotal)} → ${money(a.newTotal)}`),
      h('td', null, a.previousEnd === a.newEnd ? a.newEnd : `${a.previousEnd} → ${a.newEnd}`),
      h('td', null, a.reason))))));
}

/** Quarters from start to end inclusive: 2025Q4..2028Q3. */
export function quarterRange(start, end) {
  const parse = q => {
    const [y, n] = q.split('Q').map(Number);
    return y * 4 + (n - 1);
  };
  const out = [];
  for (let i = parse(start); i <= parse(end) && out.length < 200; i++) {
    out.push(`${Math.floor(i / 4)}Q${(i % 4) + 1}`);
  }
  return out;
}
