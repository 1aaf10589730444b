// Every page of the built site: served with the strict Content-Security-Policy, loads with no
// CSP violation (securitypolicyviolation events), no console error and no page error, requests
// nothing beyond its own origin, and none of the scripts it loads compiles strings.
import { expect, test } from '@playwright/test';
import { stringCompiling } from '../security/string-compiling.mjs';

test.describe.configure({ mode: 'parallel' });

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
const PAGES = ['/', '/index.html', '/compare.html', '/api.html', '/glossary.html', '/embed.html', '/strict/index.html'];

for (const path of PAGES) {
  test(`${path}: strict CSP, no violation, only its own origin, no string compiling`, async ({ page, baseURL }) => {
    const problems = [];
    const requests = [];
    const scripts = [];
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (/\.m?js$/.test(new URL(r.url()).pathname)) scripts.push(r);
    });
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe(POLICY);
    await page.waitForLoadState('networkidle');
    // Pages that compute: wait until they have (the compare page counts its runs; elements say isReady).
    if (path === '/compare.html') await expect.poll(async () => Number(await page.locator('html').getAttribute('data-runs'))).toBeGreaterThanOrEqual(1);
    await page.waitForFunction(() => [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-')).every((e) => e.isReady !== false));
    await page.waitForLoadState('networkidle');

    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(problems).toEqual([]);
    const origin = new URL(baseURL).origin;
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      // A Web Worker's script (the compare page's) has no body left once the worker ended: fetch it again.
      const text = await script.text().catch(() => page.request.get(script.url()).then((r) => r.text()));
      expect(stringCompiling(text), script.url()).toEqual([]);
    }
  });
}
