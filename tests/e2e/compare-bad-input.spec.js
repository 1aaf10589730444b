// Bad input on the comparison page (issue #5): each file gets a clear message naming the file and the
// problem, and the previous report stays on screen untouched. A million distinct categories are not
// an error: the top categories are kept, the rest counted as "other", and the page says so.
import { expect, test } from '@playwright/test';

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function openDefault(page) {
  await page.goto('/compare.html');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#error')).toBeEmpty();
}

async function choose(page, side, name, buffer) {
  const before = await runs(page);
  await page.locator(`#${side}-file`).setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
}

const wide = () => {
  const n = 10_000;
  const header = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
  const row = Array.from({ length: n }, (_, i) => String(i % 7)).join(',');
  return Buffer.from(`${header}\n${row}\n${row}\n`);
};

const BAD = [
  ['ragged.csv', Buffer.from('a,b,c\n1,2,3\n4,5\n6,7,8\n'), 'line 3: expected 3 fields, found 2'],
  ['quote.csv', Buffer.from('a,b\n1,"x\n2,y\n'), 'line 2: unterminated quoted field'],
  ['latin1.csv', Buffer.from([...Buffer.from('a,b\n1,'), 0xff, 0xfe, ...Buffer.from('\n2,y\n')]), 'invalid UTF-8 at line 2'],
  ['empty.csv', Buffer.alloc(0), 'file is empty'],
  ['header.csv', Buffer.from('a,b\n'), 'file has a header but no data rows'],
  ['dup.csv', Buffer.from('a,a\n1,2\n'), "duplicate column name 'a' (columns 1 and 2)"],
  // A WebAssembly module's first bytes ("\0asm", version 1): binary.
  ['module.csv', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x0a, 2, 0x60]), 'looks like a binary file (NUL byte at offset 0), not CSV/TSV/JSON Lines'],
  // A PNG starts with 0x89, which is not UTF-8 before any NUL byte is seen.
  ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'looks like a binary file (PNG image), not CSV/TSV/JSON Lines'],
  ['wide.csv', wide(), 'line 1: too many columns: 10000 (the limit is 4096)'],
];

for (const [name, buffer, message] of BAD) {
  test(`${name}: "${message}", previous report kept`, async ({ page }) => {
    await openDefault(page);
    const table = await page.locator('#results tbody').innerHTML();
    const verdict = await page.locator('#verdict').textContent();
    await choose(page, 'current', name, buffer);
    await expect(page.locator('#error')).toContainText(`Could not read “${name}” (current file, Q): ${message}.`);
    await expect(page.locator('#error')).toContainText('The previous result (penguins_biscoe_vs_dream/reference.csv vs penguins_biscoe_vs_dream/current.csv) is still shown.');
    expect(await page.locator('#results tbody').innerHTML()).toBe(table);
    expect(await page.locator('#verdict').textContent()).toBe(verdict);
    // The same file as the reference is refused the same way.
    await choose(page, 'reference', name, buffer);
    await expect(page.locator('#error')).toContainText(`Could not read “${name}” (reference file, P): ${message}.`);
    expect(await page.locator('#results tbody').innerHTML()).toBe(table);
  });
}

test('a million distinct categories: top categories plus "other", said on the page and in the report', async ({ page }) => {
  await openDefault(page);
  const lines = (step) => ['id,v', ...Array.from({ length: 1_000_000 }, (_, i) => `k${i * step},${i % 5}`)].join('\n');
  await choose(page, 'reference', 'ids-a.csv', Buffer.from(lines(1)));
  await choose(page, 'current', 'ids-b.csv', Buffer.from(lines(7)));
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#results tr[data-column="id"]')).toHaveCount(1);
  await expect(page.locator('#verdict')).toContainText('Approximate (sketched) columns: id.');
  const note = page.locator('.hist-card[data-column="id"] .other-note');
  await expect(note).toContainText('the top categories are kept and the rest counted as “other”');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-export="json"]').click()]);
  const report = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  const id = report.columns.find((c) => c.name === 'id');
  expect(id.approximate.method).toBe('misra-gries');
  expect(id.categories.length).toBeLessThanOrEqual(2 * 10_000); // the union of each side's top labels
  expect(id.other.ref + id.ref_counts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
});
