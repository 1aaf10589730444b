// prepareWorkers (files_browser.js): workers started ahead, in Chromium, on the npm package's own
// files (served under /__pkg/ with the site's CSP, package-route.js).
//   * after prepareWorkers(2), compareFiles starts no worker of its own: it uses the two idle ones,
//     and its report is the same as a run that started its workers itself;
//   * a run with 2 workers per file takes the 2 idle ones and starts only the 2 it lacks;
//   * workers used by a run are terminated when it ends (the pool never gets them back);
//   * prepareWorkers(0) terminates the idle ones; a bad count is a RangeError naming it.
import { expect, test } from '@playwright/test';
import { servePackage } from './package-route.js';

async function setUp(page) {
  await servePackage(page);
  await page.goto('/__pkg/index.html');
  await page.evaluate(async () => {
    window.compare = await import('/__pkg/web/src/compare/files_browser.js');
    // A pair of 9 MB CSV files (above the 8 MiB at which byte ranges are used).
    const file = (shift) => {
      const parts = ['x,group,flag\n'];
      for (let part = 0; part < 12; part += 1) {
        let text = '';
        for (let i = 0; i < 50_000; i += 1) {
          const k = part * 50_000 + i;
          text += `${((k * 7919) % 100_003) / 7 + shift},g${k % 37},${k % 3 === 0}\n`;
        }
        parts.push(text);
      }
      return new Blob(parts, { type: 'text/csv' });
    };
    window.pair = { reference: file(0), current: file(0.5) };
    window.run = (workers = 1) => window.compare.compareFiles(window.pair.reference, window.pair.current, {}, { workers }).then((r) => JSON.stringify(r));
  });
}

function workerLog(page) {
  const log = { started: 0, closed: 0 };
  page.on('worker', (worker) => {
    log.started += 1;
    worker.on('close', () => (log.closed += 1));
  });
  return log;
}

test('prepareWorkers: the next comparison uses the idle workers and starts none; same report', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const log = workerLog(page);
  await setUp(page);

  const cold = await page.evaluate(() => window.run());
  expect(log.started).toBe(2); // one per file, started by the run
  await expect.poll(() => log.closed).toBe(2);

  await page.evaluate(() => window.compare.prepareWorkers(2));
  await expect.poll(() => log.started).toBe(4);
  expect(log.closed).toBe(2); // idle, alive
  const warmed = await page.evaluate(() => window.run());
  expect(log.started).toBe(4); // the run started none
  expect(warmed).toBe(cold);
  await expect.poll(() => log.closed, { message: 'the used workers are terminated' }).toBe(4);

  // Two workers per file: the two idle ones plus two new.
  await page.evaluate(() => window.compare.prepareWorkers(2));
  await expect.poll(() => log.started).toBe(6);
  const ranged = await page.evaluate(() => window.run(2));
  expect(log.started).toBe(8);
  expect(ranged).toBe(cold); // the accumulators merge exactly
  await expect.poll(() => log.closed).toBe(8);

  // prepareWorkers(0) ends the idle ones; a top-up starts only what is missing.
  await page.evaluate(() => {
    window.compare.prepareWorkers(3);
    window.compare.prepareWorkers(3);
  });
  await expect.poll(() => log.started).toBe(11);
  await page.evaluate(() => window.compare.prepareWorkers(1));
  await expect.poll(() => log.closed).toBe(10);
  await page.evaluate(() => window.compare.prepareWorkers(0));
  await expect.poll(() => log.closed).toBe(11);
  expect(log.started).toBe(11);

  const bad = await page.evaluate(() =>
    [-1, 1.5, 33, '2'].map((count) => {
      try {
        window.compare.prepareWorkers(count);
        return 'no error';
      } catch (error) {
        return `${error.name}: ${error.message}`;
      }
    }),
  );
  expect(bad).toEqual([
    'RangeError: count: expected an integer from 0 to 32, got -1',
    'RangeError: count: expected an integer from 0 to 32, got 1.5',
    'RangeError: count: expected an integer from 0 to 32, got 33',
    'RangeError: count: expected an integer from 0 to 32, got 2',
  ]);
  expect(log.started).toBe(11);
  expect(errors).toEqual([]);
});
