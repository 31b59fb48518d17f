// Statistics and the printed table. Nothing here measures: it only reads samples.

export const FRAME_MS = 1000 / 60;

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const summarise = (values) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95), n: values.length });

/** ours vs theirs, lower is better: yes (ahead), tie, no, or mixed over p50 and p95. */
function ahead(ours, theirs) {
  const sign = (a, b) => Math.sign(Number(a.toFixed(2)) - Number(b.toFixed(2)));
  const signs = [sign(ours.p50, theirs.p50), sign(ours.p95, theirs.p95)];
  if (signs.every((s) => s === 0)) return 'tie';
  if (signs.every((s) => s <= 0)) return 'yes';
  if (signs.every((s) => s >= 0)) return 'no';
  return 'mixed';
}

const fixed = (value, digits) => (value === undefined ? '-' : value.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined || Math.abs(b) < 1e-9 ? 'n/a' : (a / b).toFixed(2));

/**
 * A row: `ours` and `theirs` are { p50, p95 } (p95 may be undefined for single figures).
 * `target` lists checks on ours: { label, met(ours) } and 'ahead'.
 */
export function row(label, ours, theirs, { digits = 1, checks = [], compare = true } = {}) {
  const results = checks.map((check) => `${check.label} ${check.met(ours) ? 'met' : 'MISSED'}`);
  const targets = checks.map((check) => check.label);
  if (compare) {
    const verdict = ahead({ p50: ours.p50, p95: ours.p95 ?? ours.p50 }, { p50: theirs.p50, p95: theirs.p95 ?? theirs.p50 });
    targets.push('ahead');
    results.push(`ahead: ${verdict}`);
  }
  return [
    label,
    fixed(ours.p50, digits),
    fixed(ours.p95, digits),
    fixed(theirs.p50, digits),
    fixed(theirs.p95, digits),
    ratio(ours.p50, theirs.p50),
    ratio(ours.p95, theirs.p95),
    targets.join(', ') || '-',
    results.join('; ') || '-',
  ];
}

const HEADER = ['scenario', 'ours p50', 'ours p95', 'iti p50', 'iti p95', 'ratio p50', 'ratio p95', 'target (ours)', 'result'];

export function table(rows) {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, column) => Math.max(...all.map((cells) => String(cells[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(HEADER), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const withinFrame = { label: 'p95 <= 16.7 ms', met: (ours) => ours.p95 <= FRAME_MS };
export const noLongTask = { label: '0 long tasks', met: (ours) => ours.p50 === 0 };
