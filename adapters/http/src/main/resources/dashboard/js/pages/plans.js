// Plans: stored scenarios projected from the live state quarter by quarter, demand against capacity
// and backlog, the constraint that binds each quarter, the comparison with the plan of record, and
// the solver ("what clears the backlog by 2027Q4?"). Planners can store a new scenario.
//
// Calls: GET /api/v1/openapi.json (public: does this server plan?), GET /scenarios,
// GET /plans/{name}, GET /comparisons?scenario=..., POST /plans/{name}/solve, GET /growth-presets,
// GET /data-centers and POST /scenarios (new scenario form).

import { api, ApiError } from '../api.js';
import { CONSTRAINT_TEXT, CONSTRAINTS, constraintStrip, quarterChart } from '../charts.js';
import { card, chip, count, empty, fill, h, kpis, money } from '../dom.js';

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

const enc = encodeURIComponent;
const LEVERS = { CAPEX: 'Extra capex', THROUGHPUT: 'Deployment throughput', POWER: 'Power per data centre' };

// ------------------------------------------------------------------ the page

export async function render(panel, ctx) {
  const operations = await planningOperations();
  if (ctx.stale()) return;
  if (!operations.length) {
    fill(panel, h('div', { class: 'page-head' }, h('h1', null, 'Plans')), notAvailable());
    return;
  }
  const scenarios = (await api('/scenarios')).items;
  if (ctx.stale()) return;
  const head = h('div', { class: 'page-head' }, h('h1', null, 'Plans'),
    h('p', null, 'Demand against deployable capacity, quarter by quarter, from the live state.'));
  if (!scenarios.length) {
    fill(panel, head,
      card('No scenarios yet', null,
        empty('No scenario is stored, so there is no plan of record. Store one below: the first becomes the plan of record.')),
      await newScenario(ctx, scenarios, true));
    return;
  }

  const record = scenarios.find(s => s.planOfRecord) || scenarios[0];
  const byName = new Map(scenarios.map(s => [s.name, s]));
  const comparable = s => s.definition.horizonQuarters === record.definition.horizonQuarters;
  const picked = ctx.params.getAll('scenario').filter(n => byName.has(n) && n !== record.name && comparable(byName.get(n)));
  const focus = byName.has(ctx.params.get('focus')) ? ctx.params.get('focus') : record.name;
  const scope = ctx.params.get('scope') || 'total';

  const [plan, comparison] = await Promise.all([api(`/plans/${enc(focus)}`), compare(picked)]);
  if (ctx.stale()) return;

  const chart = h('div', { class: 'chart', id: 'plan-chart' });
  const backlogChart = h('div', { class: 'chart', id: 'comparison-chart' });
  fill(panel, head,
    card('Scenarios', `${record.name} is the plan of record. Tick scenarios to compare with it.`,
      picker(scenarios, record, picked, focus, comparable, ctx)),
    planCard(plan, focus, scope, chart),
    comparisonCard(comparison, backlogChart),
    card('What clears the backlog?', 'The solver finds the least of one lever that leaves no backlog from a quarter on.',
      solver(scenarios, focus, plan, ctx)),
    await newScenario(ctx, scenarios, false));

  await quarterChart(chart, {
    quarters: plan.quarters.map(q => q.quarter),
    format: v => count(Math.round(v)),
    series: [
      { label: 'Demand (GPUs)', values: plan.quarters.map(q => figures(q, scope).demand), color: '#17324d', width: 3 },
      { label: 'Capacity (GPUs)', values: plan.quarters.map(q => figures(q, scope).capacity), color: '#2e9d5b', width: 3 },
      { label: 'Backlog (GPUs)', values: plan.quarters.map(q => figures(q, scope).backlog), color: '#c0392b',
        fill: 'rgba(192,57,43,0.15)' },
    ],
  });
  if (!comparison.failed) {
    const palette = ['#17324d', '#d9822b', '#138a7e', '#7d3c98', '#c0392b', '#1f618d', '#8d6e63'];
    await quarterChart(backlogChart, {
      quarters: comparison.quarters,
      format: v => count(Math.round(v)),
      series: comparison.rows.map((row, i) => ({
        label: row.scenario, values: row.backlog, color: palette[i % palette.length], width: i === 0 ? 3 : 2,
        dash: i === 0 ? undefined : [6, 3],
      })),
    });
  }
}

async function compare(picked) {
  const url = new URL('/api/v1/comparisons', window.location.origin);
  for (const name of picked) url.searchParams.append('scenario', name);
  try {
    return await api(`/comparisons${url.search}`);
  } catch (error) {
    if (error instanceof ApiError && error.status !== 401 && error.status !== 0) return { failed: error };
    throw error;
  }
}

function figures(quarter, scope) {
  if (scope === 'total') return quarter.total;
  const [kind, id] = scope.split(':');
  const map = kind === 'region' ? quarter.regions : kind === 'pool' ? quarter.pools : quarter.dataCenters;
  return map[id] || quarter.total;
}

function picker(scenarios, record, picked, focus, comparable, ctx) {
  const form = h('form', { id: 'scenario-picker' },
    h('fieldset', { class: 'scenarios' },
      h('legend', null, 'Compare with the plan of record'),
      [record, ...scenarios.filter(s => s !== record)].map(s => {
        const id = `pick-${s.name.replace(/[^A-Za-z0-9]+/g, '-')}`;
        const isRecord = s.name === record.name;
        const can = comparable(s);
        return h('span', null,
          h('input', { type: 'checkbox', id, name: 'scenario', value: s.name, checked: isRecord || picked.includes(s.name),
            disabled: isRecord || !can, dataset: { scenario: s.name } }),
          h('label', { for: id }, ` ${s.name}`, isRecord && !/plan of record/i.test(s.name) ? ' (plan of record)' : '',
            can ? '' : ` (${s.definition.horizonQuarters} quarters: not comparable)`));
      })),
    h('div', { class: 'filters' },
      h('div', { class: 'field' },
        h('label', { for: 'plan-focus' }, 'Chart the plan of'),
        h('select', { id: 'plan-focus', name: 'focus' },
          scenarios.map(s => h('option', { value: s.name, selected: s.name === focus }, s.name)))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'compare' }, 'Show'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = data.getAll('scenario').map(String);
    const params = new URLSearchParams();
    for (const name of chosen) params.append('scenario', name);
    const focusChoice = String(data.get('focus') || '');
    if (focusChoice && focusChoice !== record.name) params.set('focus', focusChoice);
    show(params, ctx);
  });
  return form;
}

function planCard(plan, focus, scope, chart) {
  const first = plan.quarters[0];
  const scopes = [['total', 'The whole fleet'],
    ...Object.keys(first ? first.regions : {}).map(id => [`region:${id}`, `Region ${id}`]),
    ...Object.keys(first ? first.pools : {}).map(id => [`pool:${id}`, `Pool ${id}`]),
    ...Object.keys(first ? first.dataCenters : {}).map(id => [`dc:${id}`, `Data centre ${id}`])];
  const s = plan.summary;
  const quarters = plan.quarters.map(q => q.quarter);
  const binding = plan.quarters.map(q => figures(q, scope).binding);
  const scopeSelect = h('select', { id: 'plan-scope', onchange: e => {
    const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
    params.set('scope', e.target.value);
    if (e.target.value === 'total') params.delete('scope');
    window.location.hash = `#plans${params.toString() ? `?${params}` : ''}`;
  } }, scopes.map(([value, text]) => h('option', { value, selected: value === scope }, text)));
  return card(`Plan: ${focus}`, `${plan.start}–${plan.end}`,
    kpis([
      { label: 'Backlog clears', value: s.firstClearQuarter || 'not within the plan', field: 'firstClear',
        tone: s.firstClearQuarter ? 'good' : 'alert' },
      { label: 'Peak backlog', value: `${count(s.peakBacklogGpus)} GPUs`, field: 'peakBacklog',
        note: s.peakBacklogQuarter ? `in ${s.peakBacklogQuarter}` : null },
      { label: 'Capex used', value: money(s.capexUsed), field: 'capexUsed' },
      { label: 'Peak undeployed inventory', value: `${count(s.peakInventoryServers)} servers`, field: 'peakInventory',
        note: s.peakInventoryQuarter ? `in ${s.peakInventoryQuarter}` : null },
      { label: 'Binds most often', value: mostBinding(s.bindingQuarters), field: 'binding' },
    ], { 'aria-label': 'Plan summary' }),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'plan-scope' }, 'Scope'), scopeSelect)),
    h('h3', null, 'Demand, capacity and backlog per quarter'),
    chart,
    h('h3', { id: 'strip-title' }, 'What binds each quarter'),
    constraintStrip(quarters, binding, { id: 'binding-strip', 'aria-labelledby': 'strip-title' }),
    h('ul', { class: 'legend' }, CONSTRAINTS.map(c => h('li', null, chip(`--bind-${c}`), CONSTRAINT_TEXT[c]))),
    h('details', null, h('summary', null, 'Figures by quarter'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'plan-table' },
        h('thead', null, h('tr', null, ['Quarter', 'Demand', 'Capacity', 'Backlog', 'Deployed', 'Purchased',
          'Arriving', 'Inventory', 'Capex spent', 'Binds'].map((c, i) => h('th', { scope: 'col', class: i && i < 9 ? 'num' : null }, c)))),
        h('tbody', null, plan.quarters.map(q => {
          const f = figures(q, scope);
          return h('tr', { dataset: { quarter: q.quarter } },
            h('th', { scope: 'row' }, q.quarter),
            h('td', { class: 'num', dataset: { field: 'demand' } }, count(f.demand)),
            h('td', { class: 'num', dataset: { field: 'capacity' } }, count(f.capacity)),
            h('td', { class: 'num', dataset: { field: 'backlog' } }, count(f.backlog)),
            h('td', { class: 'num' }, count(f.deployed)),
            h('td', { class: 'num' }, count(f.purchased)),
            h('td', { class: 'num' }, count(f.arriving)),
            h('td', { class: 'num' }, count(f.inventory)),
            h('td', { class: 'num' }, money(f.capexSpent)),
            h('td', { dataset: { field: 'binding' } }, f.binding));
        }))))));
}

function signed(n) {
  return `${n > 0 ? '+' : ''}${count(n)}`;
}

function mostBinding(counts) {
  const entries = Object.entries(counts || {}).filter(([c, n]) => c !== 'NONE' && n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return 'nothing';
  return `${entries[0][0].toLowerCase()} (${entries[0][1]} quarters)`;
}

function comparisonCard(comparison, backlogChart) {
  if (comparison.failed) {
    return card('Against the plan of record', null,
      h('p', { class: 'error-inline' }, `The comparison failed: ${comparison.failed.message}`));
  }
  const constraints = CONSTRAINTS.filter(c => c !== 'NONE');
  return card('Against the plan of record',
    comparison.rows.length > 1 ? 'Backlog change per quarter: negative is better than the plan of record.'
      : 'Tick scenarios above to compare them with the plan of record.',
    h('div', { class: 'table-wrap' }, h('table', { id: 'comparison-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Scenario'),
        h('th', { scope: 'col' }, 'Backlog clears'),
        h('th', { scope: 'col', class: 'num' }, 'Peak backlog (GPUs)'),
        h('th', { scope: 'col', class: 'num' }, 'Capex used'),
        h('th', { scope: 'col' }, 'Quarters bound by'),
        h('th', { scope: 'col', class: 'num' }, 'Backlog at the end vs plan of record'),
        h('th', { scope: 'col', class: 'num', title: 'The sum of the backlog change over every quarter' },
          'Backlog over the plan vs plan of record (GPU-quarters)'))),
      h('tbody', null, comparison.rows.map((row, i) => {
        const last = row.backlogDelta[row.backlogDelta.length - 1] || 0;
        const total = row.backlogDelta.reduce((t, d) => t + d, 0);
        return h('tr', { dataset: { scenario: row.scenario } },
          h('th', { scope: 'row' }, row.scenario,
            i === 0 && !/plan of record/i.test(row.scenario) ? h('span', { class: 'note' }, ' (plan of record)') : null),
          h('td', { dataset: { field: 'firstClearQuarter' } }, row.firstClearQuarter || 'not within the plan'),
          h('td', { class: 'num', dataset: { field: 'peakBacklogGpus' } }, count(row.peakBacklogGpus)),
          h('td', { class: 'num', dataset: { field: 'capexUsed', amount: row.capexUsed.amount } }, money(row.capexUsed)),
          h('td', null, constraints.filter(c => row.bindingQuarters[c] > 0)
            .map(c => h('span', { class: 'status', style: { marginRight: '.3rem' } }, chip(`--bind-${c}`),
              `${c.toLowerCase()} ${row.bindingQuarters[c]}`)),
          constraints.every(c => !(row.bindingQuarters[c] > 0)) ? 'none' : null),
          h('td', { class: `num ${last < 0 ? 'delta-better' : last > 0 ? 'delta-worse' : ''}`, dataset: { field: 'endDelta' } },
            i === 0 ? '–' : signed(last)),
          h('td', { class: `num ${total < 0 ? 'delta-better' : total > 0 ? 'delta-worse' : ''}`, dataset: { field: 'totalDelta' } },
            i === 0 ? '–' : signed(total)));
      })))),
    h('h3', null, 'Backlog per quarter, by scenario'),
    backlogChart);
}

function solver(scenarios, focus, plan, ctx) {
  const quarters = plan.quarters.map(q => q.quarter);
  const defaultClear = quarters.includes('2027Q4') ? '2027Q4' : quarters[quarters.length - 1];
  const answer = h('div', { id: 'solver-answer', 'aria-live': 'polite' });
  const form = h('form', { class: 'solver', id: 'solver-form' },
    h('div', { class: 'field filters', style: { margin: 0 } },
      h('label', { for: 'solve-scenario' }, 'Scenario'),
      h('select', { id: 'solve-scenario', name: 'scenario' },
        scenarios.map(s => h('option', { value: s.name, selected: s.name === focus }, s.name)))),
    h('div', { class: 'field filters', style: { margin: 0 } },
      h('label', { for: 'solve-lever' }, 'Lever'),
      h('select', { id: 'solve-lever', name: 'lever' },
        Object.entries(LEVERS).map(([value, text]) => h('option', { value, selected: value === 'THROUGHPUT' }, text)))),
    h('div', { class: 'field filters', style: { margin: 0 } },
      h('label', { for: 'solve-clear-by' }, 'Backlog clear by'),
      h('select', { id: 'solve-clear-by', name: 'clearBy' },
        quarters.map(q => h('option', { value: q, selected: q === defaultClear }, q)))),
    h('button', { type: 'submit', id: 'solve' }, 'Solve'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector('#solve');
    button.disabled = true;
    fill(answer, h('p', { class: 'loading' }, 'Solving…'));
    try {
      const result = await api(`/plans/${enc(String(data.get('scenario')))}/solve`, {
        method: 'POST', body: { lever: String(data.get('lever')), clearBy: String(data.get('clearBy')) },
      });
      if (ctx.stale()) return;
      fill(answer, h('div', { class: `answer ${result.cleared ? '' : 'not'}`, dataset: { cleared: String(result.cleared) } },
        h('p', { id: 'solver-sentence' }, h('strong', null, result.answer)),
        result.cleared
          ? h('p', { class: 'note' }, solverAmount(result), result.summary
            ? ` Then the backlog clears in ${result.summary.firstClearQuarter || '–'}, `
              + `capex used ${money(result.summary.capexUsed)}.` : '')
          : h('p', { class: 'note' }, `Blocked by ${(result.blockedBy || '').toLowerCase()} in ${result.blockedAt || '–'}.`)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      fill(answer, h('p', { class: 'error-inline', role: 'alert' }, `The solver refused: ${error.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', null, form, answer);
}

function solverAmount(r) {
  if (r.extraCapex) return `Extra capex: ${money(r.extraCapex)}.`;
  if (r.throughputMultiplier !== null && r.throughputMultiplier !== undefined) {
    return `Every site's deployment throughput times ${r.throughputMultiplier}.`;
  }
  if (r.extraPowerMwPerDataCenter !== null && r.extraPowerMwPerDataCenter !== undefined) {
    return `${r.extraPowerMwPerDataCenter} MW more at every data centre.`;
  }
  return '';
}

// ------------------------------------------------------------------ a new scenario

function currentQuarter() {
  const now = new Date();
  return `${now.getUTCFullYear()}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

async function newScenario(ctx, scenarios, open) {
  const [presets, sites] = await Promise.all([
    api('/growth-presets').then(r => r.items).catch(() => []),
    api('/data-centers').then(r => r.items).catch(() => []),
  ]);
  const record = scenarios.find(s => s.planOfRecord);
  const message = h('p', { id: 'new-scenario-message', role: 'status', 'aria-live': 'polite' });
  const field = (id, text, input, help) => h('div', { class: 'field' }, h('label', { for: id }, text), input,
    help ? h('small', { class: 'note' }, help) : null);
  const form = h('form', { class: 'filters', id: 'new-scenario', style: { alignItems: 'start' } },
    field('scenario-name', 'Name', h('input', { id: 'scenario-name', name: 'name', required: true, size: 22,
      value: scenarios.length ? '' : 'plan of record' })),
    field('scenario-horizon', 'Quarters', h('input', { id: 'scenario-horizon', name: 'horizon', type: 'number', min: 1, max: 40,
      value: record ? record.definition.horizonQuarters : 12, style: { width: '5rem' } })),
    field('scenario-growth', 'Demand growth a year (%)', h('input', { id: 'scenario-growth', name: 'growth', type: 'number',
      step: '0.1', value: '34', style: { width: '7rem' } })),
    field('scenario-preset', 'or like', h('select', { id: 'scenario-preset', name: 'preset' },
      h('option', { value: '' }, 'the growth given'),
      presets.map(p => h('option', { value: p.provider }, `${p.provider} ${p.quarter} (+${(Number(p.yoy) * 100).toFixed(0)}%)`)))),
    field('scenario-lead', 'Lead time (quarters)', h('input', { id: 'scenario-lead', name: 'lead', type: 'number', min: 0, max: 40,
      value: 2, style: { width: '5rem' } })),
    field('scenario-throughput', 'Throughput ×', h('input', { id: 'scenario-throughput', name: 'throughput', type: 'number',
      min: 0, step: '0.1', placeholder: '1', style: { width: '5rem' } }), 'every site'),
    field('scenario-power', 'Power + MW', h('input', { id: 'scenario-power', name: 'power', type: 'number', min: 0,
      step: '1', placeholder: '0', style: { width: '6rem' } }), 'every site'),
    field('scenario-capex', 'Capex + (currency units)', h('input', { id: 'scenario-capex', name: 'capex', type: 'number',
      min: 0, step: '1', placeholder: '0', style: { width: '10rem' } })),
    h('div', { class: 'actions', style: { alignSelf: 'end' } }, h('button', { type: 'submit', id: 'save-scenario' }, 'Store scenario')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const d = new FormData(form);
    const start = currentQuarter();
    const number = name => (String(d.get(name) || '').trim() === '' ? null : Number(d.get(name)));
    const throughput = number('throughput');
    const power = number('power');
    const capex = number('capex');
    const preset = String(d.get('preset') || '');
    const body = {
      name: String(d.get('name') || '').trim(),
      horizonQuarters: number('horizon') ?? 12,
      growthYoy: preset ? null : (number('growth') ?? 0) / 100,
      growthPreset: preset || null,
      leadTimeQuarters: number('lead') ?? 0,
      throughputChanges: throughput !== null && throughput !== 1
        ? sites.map(s => ({ dataCenter: s.id, quarter: start, kind: 'MULTIPLY', value: throughput })) : [],
      powerAdditions: power ? sites.map(s => ({ dataCenter: s.id, quarter: start, megawatts: power })) : [],
      capexChanges: capex ? [{ quarter: start, kind: 'ADDITION', amount: capex }] : [],
    };
    if (body.growthYoy !== null) body.growthYoy = Math.round(body.growthYoy * 1e6) / 1e6;
    const button = form.querySelector('#save-scenario');
    button.disabled = true;
    message.className = '';
    message.textContent = 'Storing…';
    try {
      const saved = await api('/scenarios', {
        method: 'POST', body, headers: { 'Idempotency-Key': `dashboard-${Date.now()}-${Math.random().toString(36).slice(2)}` },
      });
      message.textContent = `Stored ${saved.name}.`;
      const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
      if (!saved.planOfRecord) params.append('scenario', saved.name);
      show(params, ctx);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      message.className = 'error-inline';
      const violations = error.problem && Array.isArray(error.problem.violations)
        ? error.problem.violations.map(v => `${v.field}: ${v.message}`).join('; ') : '';
      message.textContent = error instanceof ApiError && error.status === 403
        ? 'This token may not store scenarios: that needs a planner or admin token.'
        : `Not stored: ${error.message}${violations ? ` (${violations})` : ''}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-scenario-title' },
    h('details', { open: open || null },
      h('summary', null, h('h2', { id: 'new-scenario-title', style: { display: 'inline' } }, 'New scenario')),
      h('p', { class: 'note' }, `Changes apply from ${currentQuarter()} to every data centre. `
        + 'Planners and admins may store scenarios.'),
      form, message));
}

// ------------------------------------------------------------------ the overview's outlook

/** The overview's "when it gets better" card: the plan of record's answer, or why there is none. */
export async function outlook(slot, ctx) {
  const operations = await planningOperations();
  if (ctx.stale()) return;
  if (!operations.length) {
    fill(slot, card('When it gets better', null,
      h('p', { class: 'note' }, 'Planning is not available on this server, so no quarter is forecast here.')));
    return;
  }
  const scenarios = (await api('/scenarios')).items;
  const record = scenarios.find(s => s.planOfRecord);
  if (!record) {
    fill(slot, card('When it gets better', null,
      h('p', { class: 'note' }, 'No plan of record yet: store a scenario on the Plans page to see when the backlog clears.')));
    return;
  }
  const plan = await api(`/plans/${enc(record.name)}`);
  if (ctx.stale()) return;
  const s = plan.summary;
  const quarters = plan.quarters.map(q => q.quarter);
  fill(slot, card('When it gets better', `Under the plan of record, ${record.name}, ${plan.start}–${plan.end}.`,
    h('p', { id: 'outlook-sentence' }, s.firstClearQuarter
      ? h('strong', null, `The backlog clears in ${s.firstClearQuarter}.`)
      : h('strong', null, `The backlog does not clear by ${plan.end}.`),
    ` Peak backlog ${count(s.peakBacklogGpus)} GPUs${s.peakBacklogQuarter ? ` in ${s.peakBacklogQuarter}` : ''}; `
      + `what binds most often: ${mostBinding(s.bindingQuarters)}.`),
    constraintStrip(quarters, plan.quarters.map(q => q.total.binding), { id: 'outlook-strip' }),
    h('p', null, h('a', { href: '#plans' }, 'Compare scenarios and ask the solver on the Plans page'))));
}

/** Shows the plans page with these parameters (drawn anew when they are the ones shown). */
function show(params, ctx) {
  const hash = `#plans${params.toString() ? `?${params}` : ''}`;
  if (window.location.hash === hash) ctx.refresh();
  else window.location.hash = hash;
}
