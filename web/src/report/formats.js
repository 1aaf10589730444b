// A compare report (schema divergence-lab/compare-report@2, cpp/include/divergence/report.hpp) as
// Markdown, CSV and a self-contained HTML page. Shared by the command line (web/src/cli/main.js)
// and the comparison page's export buttons (web/site/src/compare/export.js), so both write the same
// files. Browser-safe: no Node API here; every function takes the parsed report (with +-Infinity
// already revived, see reviveInfinities) and returns a string.

/** A number with 4 significant digits, "inf"/"-inf" for infinities, "" for null/undefined. */
const fmt = (x) => (x === null || x === undefined ? '' : typeof x === 'number' ? (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : x > 0 ? 'inf' : x < 0 ? '-inf' : '') : String(x));

/** A column's note: its error, its approximation, its top-k "other" bucket, or what summaries cannot give. */
function noteOf(c) {
  if (c.error) return c.error;
  const notes = [];
  if (c.approximate?.method === 'quantile-sketch') notes.push(`approximate (quantile sketch, k=${c.approximate.k})`);
  if (c.approximate?.method === 'misra-gries') {
    const held = Math.max(c.approximate.reference?.labels_held ?? 0, c.approximate.current?.labels_held ?? 0);
    notes.push(`top ${held} categories kept, the rest counted as "other" (reference ${c.other?.ref ?? 0}, current ${c.other?.cur ?? 0} values)`);
  }
  if (c.unavailable?.length) notes.push(`from histogram summaries; not available: ${c.unavailable.join(', ')}`);
  return notes.join('; ');
}

/**
 * One row per compared column: what the results table shows.
 * @param {object} report a CompareReport
 * @returns {Array<Record<string, string|number|null>>} keys as in HEADERS; drifted is "yes", "no" or "error"
 */
export function summaryRows(report) {
  return report.columns.map((c) => ({
    column: c.name,
    type: c.type,
    test: c.drift?.test ?? '',
    score: c.drift?.score ?? null,
    threshold: c.drift?.threshold ?? null,
    pvalue: c.drift?.pvalue ?? null,
    effect_size: c.drift?.effect_size ?? null,
    drifted: c.error ? 'error' : c.drift?.drifted ? 'yes' : 'no',
    missing_change: c.missing_change?.change ?? null,
    note: noteOf(c),
    effect_size_name: c.drift?.effect_size_name ?? '',
    n_ref: c.n_ref ?? null,
    n_cur: c.n_cur ?? null,
    missing_ref: c.missing_ref ?? null,
    missing_cur: c.missing_cur ?? null,
    kl_ref_cur_raw: c.metrics?.kl_ref_cur_raw ?? null,
    kl_cur_ref_raw: c.metrics?.kl_cur_ref_raw ?? null,
    kl_ref_cur_smoothed: c.metrics?.kl_ref_cur_smoothed ?? null,
    kl_cur_ref_smoothed: c.metrics?.kl_cur_ref_smoothed ?? null,
    js_distance_base_e: c.metrics?.js_distance_base_e ?? null,
    psi_smoothed: c.metrics?.psi_smoothed ?? null,
  }));
}

/** The dataset verdict in one sentence: drift or not, drifted columns, share vs threshold, preset. */
export function verdictLine(report) {
  const v = report.verdict;
  const preset = report.options?.preset ? `, preset ${report.options.preset}` : '';
  return `${v.drifted ? 'Drift detected' : 'No dataset drift'}: ${v.n_drifted} of ${v.n_columns} columns drifted (share ${fmt(v.share)}, threshold ${fmt(v.threshold)}${preset}).`;
}

/** The columns of the CSV export, in order; the first ten are the summary the Markdown and HTML show. */
export const HEADERS = [
  'column', 'type', 'test', 'score', 'threshold', 'pvalue', 'effect_size', 'drifted', 'missing_change', 'note',
  'effect_size_name', 'n_ref', 'n_cur', 'missing_ref', 'missing_cur', 'kl_ref_cur_raw', 'kl_cur_ref_raw',
  'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed', 'js_distance_base_e', 'psi_smoothed',
];
const SUMMARY = HEADERS.slice(0, 10);

/** A Markdown summary: heading, verdict, the summary table, one-side columns, options. */
export function toMarkdown(report) {
  const esc = (s) => fmt(s).replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
  const lines = [`# Dataset comparison`, '', verdictLine(report), ''];
  lines.push(`| ${SUMMARY.join(' | ')} |`, `|${SUMMARY.map(() => '---').join('|')}|`);
  for (const row of summaryRows(report)) lines.push(`| ${SUMMARY.map((h) => esc(row[h])).join(' | ')} |`);
  if (report.only_in_reference.length) lines.push('', `Only in the reference: ${report.only_in_reference.map(esc).join(', ')}`);
  if (report.only_in_current.length) lines.push('', `Only in the current file: ${report.only_in_current.map(esc).join(', ')}`);
  lines.push('', `Options: ${Object.entries(report.options).map(([k, v]) => `${k}=${esc(v)}`).join(', ')}`, '');
  return lines.join('\n');
}

/**
 * The table as CSV (RFC 4180, CRLF): numbers at full precision, infinities as inf/-inf, empty for
 * undefined. A text cell starting with = + - @ gets a leading apostrophe so that spreadsheets do not
 * run it as a formula (OWASP CSV injection advice).
 */
export function toCsv(report) {
  const quote = (v) => {
    let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : '') : v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [HEADERS.join(','), ...summaryRows(report).map((row) => HEADERS.map((h) => quote(row[h])).join(','))].join('\r\n') + '\r\n';
}

const escapeHtml = (s) => fmt(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Up to `limit` bars of two count vectors as a small inline SVG (no script), or ''. */
function sparkBars(ref, cur, label, limit = 40) {
  if (!ref?.length) return '';
  const n = Math.min(ref.length, limit);
  const total = (v) => v.reduce((a, b) => a + b, 0) || 1;
  const tr = total(ref);
  const tc = total(cur);
  const p = ref.slice(0, n).map((x) => x / tr);
  const q = cur.slice(0, n).map((x) => x / tc);
  const max = Math.max(...p, ...q) || 1;
  const w = 4;
  const h = 28;
  const bars = p
    .map((pi, i) => `<rect class="r" x="${i * 2 * w}" y="${(h * (1 - pi / max)).toFixed(1)}" width="${w - 0.5}" height="${((h * pi) / max).toFixed(1)}"/><rect class="c" x="${i * 2 * w + w}" y="${(h * (1 - q[i] / max)).toFixed(1)}" width="${w - 0.5}" height="${((h * q[i]) / max).toFixed(1)}"/>`)
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(label)}" width="${n * 2 * w}" height="${h}" viewBox="0 0 ${n * 2 * w} ${h}">${bars}</svg>`;
}

/**
 * A small page that opens offline: inline styles, no script (its CSP forbids any), every text
 * escaped, summaries only (verdict, the table, per-column bin shares as tiny bar charts, options).
 */
export function toHtml(report) {
  const rows = summaryRows(report)
    .map((row, i) => {
      const c = report.columns[i];
      const counts = c.bins ? [c.bins.ref_counts, c.bins.cur_counts] : [c.ref_counts, c.cur_counts];
      const spark = c.error ? '' : sparkBars(counts[0], counts[1], `${c.name}: reference (dark) and current (light) shares per ${c.bins ? 'bin' : 'category'}`);
      return `<tr${row.drifted === 'yes' ? ' class="drifted"' : ''}>${SUMMARY.map((h, j) => (j === 0 ? `<th scope="row">${escapeHtml(row[h])}</th>` : `<td>${escapeHtml(row[h])}</td>`)).join('')}<td>${spark}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dataset comparison · divergence-lab</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1f24;background:#fff}table{border-collapse:collapse}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:middle}tr.drifted td,tr.drifted th{background:#fff4e5}
.table{overflow-x:auto}rect.r{fill:#0b5cad}rect.c{fill:#e07b00}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}tr.drifted td,tr.drifted th{background:#3d2a12}td,th{border-color:#30363d}rect.r{fill:#6cb6ff}rect.c{fill:#f0a35e}}</style>
</head><body>
<h1>Dataset comparison</h1>
<p><strong>${escapeHtml(verdictLine(report))}</strong></p>
<div class="table"><table><thead><tr>${SUMMARY.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}<th scope="col">shares (reference, current)</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p>Only in the reference: ${escapeHtml(report.only_in_reference.join(', ') || 'none')}. Only in the current file: ${escapeHtml(report.only_in_current.join(', ') || 'none')}.</p>
<p>Options: ${escapeHtml(Object.entries(report.options).map(([k, v]) => `${k}=${v}`).join(', '))}. Made by divergence-lab; P = reference, Q = current; schema ${escapeHtml(report.schema)}.</p>
</body></html>
`;
}

/**
 * The report as JSON text in its schema's conventions: +-Infinity written as "inf" / "-inf" (JSON
 * has none), everything else as JSON.stringify writes it. Parsing it and calling reviveInfinities
 * gives the report back.
 */
export function toJson(report) {
  return `${JSON.stringify(report, (_, v) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v))}\n`;
}
