// Recognising histogram summaries (schema "divergence-lab/histogram-summary@1", docs/summaries.md)
// by content, with the rule of the core's looks_like_summary (cpp/include/divergence/summary.hpp).

const SCHEMA = 'divergence-lab/histogram-summary@';
const decoder = new TextDecoder();

/** True when the file looks like a histogram summary: first non-blank byte '{' and the schema name in its first 4096 bytes. */
export function isHistogramSummary(input) {
  const head = typeof input === 'string' ? input.slice(0, 4096)
    : decoder.decode((input instanceof Uint8Array ? input : new Uint8Array(ArrayBuffer.isView(input) ? input.buffer : input)).subarray(0, 4096));
  return /^\uFEFF?[ \t\r\n]*\{/.test(head) && head.includes(SCHEMA);
}
