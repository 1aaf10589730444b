// The KL explainer page: keyboard on the sliders moves KL to the closed-form value.
import { expect, test } from '@playwright/test';

const value = async (page, id) => Number(await page.locator(`#${id}`).getAttribute('data-value'));

test.beforeEach(async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.errors = errors;
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
});

test('initial values are the closed form for N(0,1) vs N(1,1)', async ({ page }) => {
  // (mu_P - mu_Q)^2 / 2 = 0.5 nats for unit variances, both directions.
  expect(await value(page, 'kl-pq')).toBeCloseTo(0.5, 12);
  expect(await value(page, 'kl-qp')).toBeCloseTo(0.5, 12);
  expect(await value(page, 'kl-pq-bits')).toBeCloseTo(0.5 / Math.LN2, 12);
  expect(Math.abs((await value(page, 'kl-pq-grid')) - 0.5)).toBeLessThan(1e-8);
  expect(page.errors).toEqual([]);
});

test('moving mu_P with the keyboard changes KL to the closed-form value', async ({ page }) => {
  await page.locator('#mu-p').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight'); // mu_P: 0 -> 0.5
  await expect(page.locator('#mu-p')).toHaveValue('0.5');
  // (0.5 - 1)^2 / 2 = 0.125 nats
  await expect.poll(() => value(page, 'kl-pq')).toBeCloseTo(0.125, 12);
  expect(await value(page, 'kl-pq-bits')).toBeCloseTo(0.125 / Math.LN2, 12);
  await expect(page.locator('#mu-p')).toHaveAttribute('aria-valuetext', /0\.5/);
  expect(page.errors).toEqual([]);
});

test('changing sigma_Q with the keyboard gives the asymmetric closed form', async ({ page }) => {
  const sigmaQ = page.locator('#sigma-q');
  await sigmaQ.focus();
  await page.keyboard.press('End'); // sigma_Q = max
  const sq = Number(await sigmaQ.inputValue());
  expect(sq).toBeGreaterThan(1);
  // KL(N(0,1) || N(1, sq^2)) = ln(sq) + (1 + 1) / (2 sq^2) - 1/2
  const pq = Math.log(sq) + 2 / (2 * sq * sq) - 0.5;
  // KL(N(1, sq^2) || N(0,1)) = -ln(sq) + (sq^2 + 1) / 2 - 1/2
  const qp = -Math.log(sq) + (sq * sq + 1) / 2 - 0.5;
  await expect.poll(() => value(page, 'kl-pq')).toBeCloseTo(pq, 12);
  expect(await value(page, 'kl-qp')).toBeCloseTo(qp, 12);
  expect(Math.abs((await value(page, 'kl-pq-grid')) - pq)).toBeLessThan(1e-8);
});

test('screenshot', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('explainer-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('explainer-375.png'), fullPage: true });
});
