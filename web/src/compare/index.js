// divergence-lab/compare in browsers and bundlers: compareFiles in Web Workers. Types and docs: compare.d.ts.
export { compareFiles, prepareWorkers } from './files_browser.js';
export { isParquet, parquetCsvChunks, parquetToCsv, toEngineInput } from './parquet.js';
