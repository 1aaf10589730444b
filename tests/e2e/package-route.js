// Serves the npm package as source from this checkout under /__pkg/ on the site's origin, with the
// site's Content-Security-Policy, so that a test drives exactly the package's files (memory tests).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

/** Routes /__pkg/web/src/..., /__pkg/web/wasm/..., /__pkg/tests/memory/... and an empty /__pkg/index.html. */
export async function servePackage(page) {
  await page.route('**/__pkg/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__pkg/', '');
    if (!/^(web\/src|web\/wasm|tests\/memory)\/[\w./-]+$/.test(path) && path !== 'index.html') return route.abort();
    const body = path === 'index.html' ? '<!doctype html><title>memory</title>' : readFileSync(root + path);
    return route.fulfill({ body, headers: { 'content-type': TYPES[extname(path)], 'content-security-policy': POLICY } });
  });
}

/** WASM figures of the page's main thread (memoryStats(), window.dl) and the JS heap after two full GCs (CDP). */
export async function measurer(page) {
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ...(await page.evaluate(() => window.dl.memoryStats())), jsHeapUsed: usedSize };
  };
}
