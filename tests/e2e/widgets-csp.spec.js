// The strict-CSP page: a plain static page that embeds every element with one script tag, served
// with the strict Content-Security-Policy. No console errors, no request to another origin, no
// data: or blob: fetches; and no layout shift while the WebAssembly core loads.
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const TAGS = ['kl-gaussians', 'kl-coin', 'kl-fit', 'kl-cross-entropy', 'divergence-compare', 'kl-sampling', 'kl-drift'];

test('strict page: served with the CSP, works, clean console, only its own origin', async ({ page, baseURL }) => {
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto('/strict/index.html');
  expect(response.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'");
  await page.waitForFunction((tags) => tags.every((t) => document.querySelector(t)?.isReady), TAGS);
  await page.waitForLoadState('networkidle');

  // Each element shows numbers computed by the core.
  expect(await page.locator('kl-gaussians').evaluate((e) => e.klPQ)).toBeCloseTo(0.5, 14);
  for (const tag of TAGS) {
    const pending = await page.locator(tag).evaluate((e) => [...e.shadowRoot.querySelectorAll('td.num')].filter((td) => td.textContent === '…').length);
    expect(pending, `${tag}: placeholders left`).toBe(0);
  }
  // Drive one element to make sure interaction works under the policy too.
  await page.locator('divergence-compare #shift').focus();
  await page.keyboard.press('End');
  expect(await page.locator('divergence-compare').evaluate((e) => e.tv)).toBeCloseTo(1, 12);

  const origin = new URL(baseURL).origin;
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign, 'requests to other origins or schemes').toEqual([]);
  // The page itself, the bundle and the icon: nothing else (the wasm is inlined in the bundle).
  const paths = [...new Set(requests.map((u) => new URL(u).pathname))].sort();
  expect(paths).toEqual(['/divergence-lab-widgets.js', '/favicon.svg', '/strict/index.html']);
  expect(errors).toEqual([]);
});

test('no layout shift while the WebAssembly core loads (static first frame, same size after)', async ({ page }) => {
  // The glossary uses the package build with a separate .wasm: hold that file back for a while.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/glossary.html');
  await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
  await page.waitForTimeout(200);
  const measure = () =>
    page.evaluate((tags) => tags.map((t) => {
      const e = document.querySelector(t);
      const r = e.getBoundingClientRect();
      return { tag: t, ready: e.isReady, width: r.width, height: r.height, top: r.top + scrollY };
    }), TAGS);
  const before = await measure();
  expect(before.every((b) => !b.ready)).toBe(true);
  // The first frame: controls in place, numbers as placeholders.
  const placeholder = await page.locator('kl-gaussians').evaluate((e) => e.shadowRoot.querySelector('td[data-key="klPQ"]').textContent);
  expect(placeholder).toBe('…');
  await expect(page.locator('kl-gaussians #mu-p')).toBeVisible();
  release();
  await page.waitForFunction((tags) => tags.every((t) => document.querySelector(t).isReady), TAGS);
  await page.waitForTimeout(100);
  const after = await measure();
  for (let i = 0; i < TAGS.length; i++) {
    expect(after[i].height, `${TAGS[i]} height`).toBeCloseTo(before[i].height, 0);
    expect(after[i].top, `${TAGS[i]} position`).toBeCloseTo(before[i].top, 0);
  }
});
