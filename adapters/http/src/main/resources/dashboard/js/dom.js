// Small DOM and formatting helpers shared by every page. No framework: elements are built with h().

/**
 * Builds an element: h('td', {class: 'num', dataset: {field: 'capacity'}}, '1,200').
 * Attributes starting with "on" are event listeners; null/undefined/false children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'class') el.className = value;
      else if (key in el && typeof value !== 'string') el[key] = value;
      else el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the content of an element. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A count: 12,345. */
export function count(value) {
  return integer.format(Number(value));
}

/** A decimal with at most one fraction digit: 53,400.5. */
export function decimal(value) {
  return oneDecimal.format(Number(value));
}

/** kW with thousands separators. */
export function kw(value) {
  return `${integer.format(Number(value))} kW`;
}

/** Percent with one decimal. */
export function percent(value) {
  return `${oneDecimal.format(Number(value))}%`;
}

/**
 * Money as people read it: "USD 16.80 bn", "USD 420.0 m". The exact amount stays a decimal string
 * (the API never sends floating point money); this is for display only.
 */
export function money(m) {
  if (!m) return '–';
  return `${m.currency} ${scaled(Number(m.amount))}`;
}

/** A plain amount in the same scaled form: 16.80 bn. */
export function scaled(amount) {
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${(amount / 1e9).toFixed(2)} bn`;
  if (abs >= 1e6) return `${(amount / 1e6).toFixed(1)} m`;
  if (abs >= 1e3) return `${(amount / 1e3).toFixed(1)} k`;
  return amount.toFixed(2);
}

/** An instant as a short UTC time: 2026-11-26 09:11:34 (headings say UTC). */
export function when(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').slice(0, 19);
}

/** "INTERNAL_TRAINING" -> "Internal training". */
export function label(constant) {
  if (!constant) return '';
  const words = constant.toLowerCase().split('_');
  words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

export const TIERS = ['INTERNAL_TRAINING', 'MODEL_PLATFORM', 'EXTERNAL_LEASE'];
export const STAGES = ['ORDERED', 'DELIVERED', 'INSTALLED', 'IN_SERVICE', 'RETIRED'];
export const STAGE_LABELS = {
  ORDERED: 'Ordered, not delivered',
  DELIVERED: 'Delivered, waiting for power',
  INSTALLED: 'Installed, not in service',
  IN_SERVICE: 'In service',
  RETIRED: 'Retired',
};

/** A colour chip with the colour of a CSS custom property. */
export function chip(variable) {
  return h('span', { class: 'chip', style: { background: `var(${variable})` }, 'aria-hidden': 'true' });
}

/** A horizontal bar of segments [{value, color, className, title}] scaled to total. */
export function bar(segments, total, attrs = {}) {
  const el = h('div', { class: 'bar', role: 'img', ...attrs });
  const sum = total > 0 ? total : 1;
  for (const s of segments) {
    if (!(s.value > 0)) continue;
    el.append(h('span', {
      class: s.className || '',
      title: s.title || '',
      style: { width: `${(100 * s.value / sum).toFixed(3)}%`, background: s.color || undefined },
    }));
  }
  return el;
}

/** A titled section card. */
export function card(title, intro, ...children) {
  const id = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'card', 'aria-labelledby': id },
    h('header', null, h('h2', { id }, title), intro ? h('p', null, intro) : null),
    ...children);
}

/** A definition list of headline figures: [{label, value, note, tone, field, title}]. */
export function kpis(items, attrs = {}) {
  return h('dl', { class: 'kpis', ...attrs }, items.map(item => h('div', {
    class: `kpi ${item.tone || ''}`, dataset: item.field ? { kpi: item.field } : undefined,
  }, h('dt', null, item.label), h('dd', { title: item.title || null, dataset: item.data || undefined },
    item.value, item.note ? h('small', null, item.note) : null))));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}
