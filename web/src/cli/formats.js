// The report as Markdown, CSV and a self-contained HTML page (summaries only, no script).

const fmt = (x) => (x === null || x === undefined ? '' : typeof x === 'number' ? (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : x > 0 ? 'inf' : '-inf') : String(x));

/** One row per column: what the verdict table shows. */
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
    note: c.error ?? (c.approximate ? `approximate (${c.approximate.method})` : ''),
  }));
}

export function verdictLine(report) {
  const v = report.verdict;
  return `${v.drifted ? 'Drift detected' : 'No dataset drift'}: ${v.n_drifted} of ${v.n_columns} columns drifted (share ${fmt(v.share)}, threshold ${fmt(v.threshold)}).`;
}

const HEADERS = ['column', 'type', 'test', 'score', 'threshold', 'pvalue', 'effect_size', 'drifted', 'missing_change', 'note'];

export function toMarkdown(report) {
  const esc = (s) => fmt(s).replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [`# Dataset comparison`, '', verdictLine(report), ''];
  lines.push(`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`);
  for (const row of summaryRows(report)) lines.push(`| ${HEADERS.map((h) => esc(row[h])).join(' | ')} |`);
  if (report.only_in_reference.length) lines.push('', `Only in the reference: ${report.only_in_reference.map(esc).join(', ')}`);
  if (report.only_in_current.length) lines.push('', `Only in the current file: ${report.only_in_current.map(esc).join(', ')}`);
  lines.push('', `Options: ${Object.entries(report.options).map(([k, v]) => `${k}=${esc(v)}`).join(', ')}`, '');
  return lines.join('\n');
}

export function toCsv(report) {
  const quote = (v) => {
    const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : '-inf') : v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [HEADERS.join(','), ...summaryRows(report).map((row) => HEADERS.map((h) => quote(row[h])).join(','))].join('\r\n') + '\r\n';
}

const escapeHtml = (s) => fmt(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A small page that opens offline: inline styles, no script, every text escaped. */
export function toHtml(report) {
  const rows = summaryRows(report)
    .map((row) => `<tr${row.drifted === 'yes' ? ' class="drifted"' : ''}>${HEADERS.map((h) => `<td>${escapeHtml(row[h])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dataset comparison · divergence-lab</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}tr.drifted td{background:#fff4e5}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}tr.drifted td{background:#3d2a12}}</style>
</head><body>
<h1>Dataset comparison</h1>
<p><strong>${escapeHtml(verdictLine(report))}</strong></p>
<table><thead><tr>${HEADERS.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Only in the reference: ${escapeHtml(report.only_in_reference.join(', ') || 'none')}. Only in the current file: ${escapeHtml(report.only_in_current.join(', ') || 'none')}.</p>
<p>Options: ${escapeHtml(Object.entries(report.options).map(([k, v]) => `${k}=${v}`).join(', '))}. Made by divergence-lab; P = reference, Q = current.</p>
</body></html>
`;
}
