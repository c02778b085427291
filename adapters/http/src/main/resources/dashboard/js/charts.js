// Charts. Quarter series are drawn with uPlot (loaded on first use, from this server: it ships in
// the jar), columns and strips are plain HTML so that they read well without a canvas. Every chart
// has a table of its figures next to it for screen readers and for copying.

import { h } from './dom.js';

let loading = null;

/** uPlot, loaded once, on the first page that draws a line chart (the overview needs none). */
export function chartLibrary() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const css = h('link', { rel: 'stylesheet', href: 'vendor/uPlot.min.css' });
      const script = h('script', { src: 'vendor/uPlot.iife.min.js' });
      script.addEventListener('load', () => resolve(window.uPlot));
      script.addEventListener('error', () => {
        loading = null;
        reject(new Error('the chart library did not load'));
      });
      document.head.append(css, script);
    });
  }
  return loading;
}

const charts = new Set();
let resizeQueued = false;
window.addEventListener('resize', () => {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(() => {
    resizeQueued = false;
    for (const chart of [...charts]) {
      if (!chart.root.isConnected) {
        chart.destroy();
        charts.delete(chart);
      } else {
        chart.setSize({ width: widthOf(chart.root.parentElement), height: chart.height });
      }
    }
  });
});

function widthOf(el) {
  return Math.max(320, Math.floor((el && el.clientWidth) || 800));
}

/**
 * A line chart over quarters. series: [{label, values, color, dash, fill, width, points}].
 * format turns a y value into text for the axis and the legend.
 */
export async function quarterChart(container, { quarters, series, format, height = 280, title }) {
  const uPlot = await chartLibrary();
  for (const chart of [...charts]) {
    if (!chart.root.isConnected) {
      chart.destroy();
      charts.delete(chart);
    }
  }
  container.replaceChildren();
  const xs = quarters.map((_, i) => i);
  // one label per ~64 px of plot: quarters never overlap, whatever the width
  const step = u => Math.max(1, Math.ceil(quarters.length * 64 / Math.max(200, u.width - 110)));
  const opts = {
    title,
    width: widthOf(container),
    height,
    scales: { x: { time: false, range: [-0.3, Math.max(0.7, quarters.length - 0.7)] } },
    axes: [
      {
        splits: u => xs.filter(i => i % step(u) === 0),
        values: (u, ticks) => ticks.map(i => quarters[i] ?? ''),
        grid: { show: false },
      },
      {
        size: 78,
        values: (u, ticks) => ticks.map(v => format(v)),
      },
    ],
    series: [
      { label: 'Quarter', value: (u, i) => (i == null ? '–' : quarters[Math.round(i)] ?? '–') },
      ...series.map(s => ({
        label: s.label,
        stroke: s.color,
        width: s.width || 2,
        dash: s.dash,
        fill: s.fill,
        points: { show: s.points ?? quarters.length <= 16, size: 5 },
        value: (u, v) => (v == null ? '–' : format(v)),
        paths: s.steps ? uPlot.paths.stepped({ align: 1 }) : undefined,
      })),
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
  };
  const chart = new uPlot(opts, [xs, ...series.map(s => s.values)], container);
  charts.add(chart);
  return chart;
}

/**
 * Stacked columns, one per quarter: columns(quarters, [{key, label, color, values}]). HTML only.
 */
export function columns(quarters, stacks, format, attrs = {}) {
  const totals = quarters.map((_, i) => stacks.reduce((t, s) => t + (s.values[i] || 0), 0));
  const max = Math.max(1, ...totals);
  return h('div', attrs,
    h('div', { class: 'columns', role: 'img', 'aria-label': attrs['aria-label'] || 'Columns' },
      quarters.map((q, i) => h('div', { class: 'col', title: `${q}: ${format(totals[i])}` },
        stacks.map(s => (s.values[i] > 0
          ? h('span', { style: { height: `${(100 * s.values[i] / max).toFixed(2)}%`, background: s.color },
            title: `${q} · ${s.label}: ${format(s.values[i])}` })
          : null))))),
    h('div', { class: 'columns-labels', 'aria-hidden': 'true' },
      quarters.map((q, i) => h('span', null, q, h('br'), h('strong', null, format(totals[i]))))));
}

/** The binding constraint of each quarter as a strip of coloured cells with the constraint written in. */
export function constraintStrip(quarters, constraints, attrs = {}) {
  return h('ol', {
    class: 'strip', style: { gridTemplateColumns: `repeat(${quarters.length}, minmax(0, 1fr))` },
    'aria-label': 'Binding constraint per quarter', ...attrs,
  }, quarters.map((q, i) => {
    const c = constraints[i] || 'NONE';
    return h('li', {
      class: c, dataset: { quarter: q, constraint: c },
      style: { background: `var(--bind-${c}, #999)` }, title: `${q}: ${c === 'NONE' ? 'demand met' : `${c.toLowerCase()} binds`}`,
    }, h('span', null, SHORT[c] || c), h('small', null, q));
  }));
}

const SHORT = { POWER: 'POWER', DEPLOYMENT: 'CREWS', SUPPLY: 'SUPPLY', CAPITAL: 'CAPITAL', NONE: 'met' };

export const CONSTRAINTS = ['POWER', 'DEPLOYMENT', 'SUPPLY', 'CAPITAL', 'NONE'];
export const CONSTRAINT_TEXT = {
  POWER: 'Power: hardware on site could not be powered',
  DEPLOYMENT: 'Deployment throughput: crews could not bring it into service',
  SUPPLY: 'Supply: hardware was not on site',
  CAPITAL: 'Capital: buying it was capped by the commitment',
  NONE: 'Demand met',
};
