// The API reference page (api.html), generated at build time from web/src/index.d.ts by
// web/site/plugins/api-docs.js. The page is checked against the .d.ts read here with plain regexes,
// independently of the generator's parser; the generator itself is checked on a synthetic .d.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { parseFunctionSignature } from '../../web/site/plugins/dts-parser.js';
import { renderApi } from '../../web/site/plugins/api-render.js';

const dts = readFileSync(fileURLToPath(new URL('../../web/src/index.d.ts', import.meta.url)), 'utf8');

/** Text of a /** *\/ comment body: no asterisks, tags and backticks, whitespace collapsed. */
const docText = (body) =>
  body
    .split('\n')
    .map((l) => l.replace(/^\s*\*(?!\/) ?/, ''))
    .join(' ')
    .replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const normalize = (s) => s.replace(/\s+/g, ' ').trim();

// Every exported function, with the doc comment right before it (null if none).
const functionNames = [...dts.matchAll(/^export\s+(?:declare\s+)?function\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
const functionDocs = new Map();
for (const m of dts.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+(?:declare\s+)?function\s+([A-Za-z_$][\w$]*)/g)) {
  if (!functionDocs.has(m[2])) functionDocs.set(m[2], docText(m[1]));
}
const typeNames = [...dts.matchAll(/^export\s+(?:declare\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
// Each exported interface with every doc comment in it (its own and its fields').
const interfaceDocs = new Map();
for (const m of dts.matchAll(/(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?export\s+interface\s+([A-Za-z_$][\w$]*)[^{]*\{([\s\S]*?)\n\}/g)) {
  const docs = [m[1], ...[...m[3].matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((x) => x[1])].filter(Boolean).map(docText);
  interfaceDocs.set(m[2], docs);
}
const moduleDoc = docText(/^\s*\/\*\*([\s\S]*?)\*\//.exec(dts)[1]);

/** Words of a doc comment (tags and @param name lists dropped): each must appear in the rendered text. */
const words = (text) =>
  text
    .replace(/@param\s+[A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)*/g, ' ')
    .replace(/(^|\s)@[A-Za-z]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

test.describe('api.html', () => {
  test.beforeEach(async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.errors = errors;
    await page.goto('/api.html');
    await expect(page.locator('h1')).toHaveText('API reference');
  });

  test('loads without console errors, with the nav link current', async ({ page }) => {
    await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText('API reference');
    await page.waitForLoadState('networkidle');
    expect(page.errors).toEqual([]);
    // Placeholders were replaced.
    expect(await page.content()).not.toContain('api-docs:');
  });

  test('every exported function has an anchor, a TOC link, and its Returns and Throws text', async ({ page }) => {
    expect(functionNames.length).toBeGreaterThan(20);
    const rendered = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('article.api-entry')].map((a) => [a.id, a.innerText])),
    );
    const labels = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('article.api-entry')].map((a) => [a.id, [...a.querySelectorAll('dt')].map((dt) => dt.textContent)]),
      ),
    );
    const tocLinks = await page.locator('.api-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const name of functionNames) {
      const text = rendered[name];
      expect(text, `#${name} on the page`).toBeDefined();
      expect(tocLinks, `TOC link to ${name}`).toContain(`#${name}`);
      const flat = normalize(text);
      expect(flat, name).toContain(name);
      const doc = functionDocs.get(name);
      if (!doc) continue;
      if (doc.includes('@returns')) {
        expect(labels[name], `${name}: Returns`).toContain('Returns');
        // Its first sentence stays under Returns (later "Throws ..." / "Matches scipy..." ones move to their rows).
        const returns = doc.split('@returns')[1].trim().split(/(?<=\.)\s/)[0].split(/\s+/).slice(0, 6).join(' ');
        expect(flat, `${name}: @returns text`).toContain(returns);
      }
      if (/\bThrows\b/.test(doc)) {
        expect(labels[name], `${name}: Errors`).toContain('Errors');
        const throws = doc.slice(doc.indexOf('Throws')).split(/\s+/).slice(0, 6).join(' ');
        expect(flat, `${name}: Throws text`).toContain(throws);
      }
      // Faithful: every word of the doc comment is on the page, in this function's entry.
      for (const w of words(doc)) expect(flat, `${name}: "${w}"`).toContain(w);
    }
  });

  test('every exported type and interface is rendered with its field comments', async ({ page }) => {
    const rendered = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('article.api-entry')].map((a) => [a.id, a.innerText])),
    );
    for (const name of typeNames) {
      const text = rendered[name] ?? rendered[`${name}-type`];
      expect(text, `#${name} on the page`).toBeDefined();
      for (const doc of interfaceDocs.get(name) ?? []) {
        for (const w of words(doc)) expect(normalize(text), `${name}: "${w}"`).toContain(w);
      }
    }
    // Unicode math and the // comments of union members survive.
    expect(rendered.FGenerator).toContain("'squared-hellinger' // f(t) = (√t − 1)² / 2");
    expect(rendered.klDivergence).toContain('D_KL(P‖Q) = Σ p_i log(p_i / q_i)');
  });

  test('the header comment is the overview, and functions are grouped', async ({ page }) => {
    const overview = normalize(await page.locator('#section-overview').innerText());
    for (const w of words(moduleDoc)) expect(overview, w).toContain(w);
    const sectionOf = async (id) => page.locator(`#${id}`).evaluate((el) => el.closest('section').id);
    expect(await sectionOf('init')).toBe('section-setup');
    expect(await sectionOf('klDivergence')).toBe('section-discrete');
    expect(await sectionOf('klTerms')).toBe('section-pointwise');
    expect(await sectionOf('klDivergenceRows')).toBe('section-log-space');
    expect(await sectionOf('klNormal')).toBe('section-normal');
    expect(await sectionOf('compareCsv')).toBe('section-compare');
    expect(await sectionOf('CompareReport')).toBe('section-types');
  });

  test('the conventions table exists and every in-page link resolves', async ({ page }) => {
    const table = page.locator('#conventions table.conv-table');
    await expect(table).toHaveCount(1);
    const rows = normalize(await table.innerText());
    for (const call of ['scipy.stats.entropy(p, q, base)', 'jensenshannon', 'rel_entr', 'kl_div', 'batchmean', 'log_target=True', 'torch.distributions.kl_divergence', 'math.kldivergence', 'kullbackLeibler', 'topsoe', 'hellinger', 'matusita', 'squaredChord', 'neyman']) {
      expect(rows, call).toContain(call);
    }
    await expect(page.locator('#conventions')).toContainText('../shared/reference/reference_cases.json');
    await expect(page.locator('#conventions')).toContainText('tests/js/reference.test.js');
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)).filter((id) => id && !document.getElementById(id)),
    );
    expect(broken).toEqual([]);
  });

  test('nothing overflows the page at 375 px; signatures wrap inside their box', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      sigs: [...document.querySelectorAll('.api-sig')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    }));
    expect(overflow.page).toBeLessThanOrEqual(375);
    expect(overflow.sigs).toBe(0);
  });

  test('screenshots', async ({ page }, testInfo) => {
    // Saved with the run's artifacts (test-results/), as the other pages' screenshots.
    const shot = (name) => testInfo.outputPath(name);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: shot(`api-1280.png`) });
    await page.screenshot({ path: shot(`api-1280-full.png`), fullPage: true });
    await page.locator('#klDivergence').screenshot({ path: shot(`api-1280-klDivergence.png`) });
    await page.locator('#conventions').screenshot({ path: shot(`api-1280-conventions.png`) });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: shot(`api-375.png`) });
    await page.screenshot({ path: shot(`api-375-full.png`), fullPage: true });
    for (const id of ['klDivergenceRows', 'pointwiseTerms', 'KlOptions', 'FGenerator', 'section-overview', 'conventions']) {
      await page.locator(`#${id}`).screenshot({ path: shot(`api-375-${id}.png`) });
    }
  });
});

test.describe('generator', () => {
  const src = `/** Header of a synthetic module. */

/** Options. */
export interface Opts {
  /** Size <b>bold</b> & co. */
  size?: number;
  nested: { a: number; b: string };
}

/**
 * Adds things.
 * @param a first. @param b second.
 * @returns the sum. Throws RangeError "a: bad".
 * Matches numpy.add(a, b).
 */
export function add(
  a: number,
  b: number, // trailing comment
): number;
/** Adds strings. @returns the concatenation. */
export function add(a: string, b: string): string;

/** Brand-new export <script>alert(1)</script>. */
export declare function brandNew<T extends { k: string }>(x: T, cb: (y: T, z: number) => void): Promise<T>

export type Union =
  | 'a' // first
  | 'b'; // second
`;

  test('finds overloads, multi-line and semicolon-less declarations; new exports go to Other', () => {
    const api = renderApi(src, { source: 'synthetic.d.ts' });
    expect(api.functions).toEqual(['add', 'brandNew']);
    expect(api.types).toEqual(['Opts', 'Union']);
    const ref = api.reference;
    expect(ref).toContain('id="section-overview"');
    expect(ref.indexOf('id="section-other"')).toBeGreaterThan(-1);
    expect(ref.indexOf('id="brandNew"')).toBeGreaterThan(ref.indexOf('id="section-other"'));
    expect(ref).toContain('2 overloads');
    expect(ref).toContain('Throws RangeError &quot;a: bad&quot;');
    expect(ref).toContain('<code>numpy.<wbr />add(a, b)</code>');
    expect(api.toc).toContain('href="#brandNew"');
    expect(api.warnings.join('\n')).toContain('export type Union has no doc comment');
  });

  test('escapes every text from the .d.ts', () => {
    const ref = renderApi(src).reference;
    expect(ref).not.toContain('<script>');
    expect(ref).not.toContain('<b>');
    expect(ref).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(ref).toContain('Size &lt;b&gt;bold&lt;/b&gt; &amp; co.');
  });

  test('handles CRLF, object return types, @throws {Type}, interface members and value exports', () => {
    const crlf = [
      '/** Result. */',
      'export interface KsResult {',
      '  /** The statistic D. */',
      '  statistic: number;',
      '  readonly pvalue: number; // two-sided p-value',
      '}',
      '/**',
      ' * Two-sample test. @param a sample A. @param b sample B.',
      ' * @returns the result. @throws {RangeError} when a sample is empty.',
      ' */',
      "export function ks2Sample(a: number[], b: number[]): { statistic: number; pvalue: 'x;y' };",
      '/** Version. */',
      'export const VERSION: string;',
    ].join('\r\n');
    const api = renderApi(crlf);
    expect(api.functions).toEqual(['ks2Sample']);
    expect(api.types).toEqual(['KsResult']);
    expect(api.reference).toContain('<p>RangeError when a sample is empty.</p>');
    expect(api.reference).toContain('two-sided p-value');
    expect(api.reference).toContain('id="VERSION"');
    expect(api.reference).not.toContain('\r');
  });

  test('parses parameters and return types of generic, multi-line signatures', () => {
    const sig = parseFunctionSignature('function brandNew<T extends { k: string }>(x: T, cb: (y: T, z: number) => void): Promise<T>');
    expect(sig.params.map((p) => [p.name, p.type])).toEqual([
      ['x', 'T'],
      ['cb', '(y: T, z: number) => void'],
    ]);
    expect(sig.returnType).toBe('Promise<T>');
    const multi = parseFunctionSignature('function add(\n  a: number,\n  b?: number, // trailing\n): number;');
    expect(multi.params).toEqual([
      { name: 'a', optional: false, rest: false, type: 'number' },
      { name: 'b', optional: true, rest: false, type: 'number' },
    ]);
    expect(multi.returnType).toBe('number');
  });
});
