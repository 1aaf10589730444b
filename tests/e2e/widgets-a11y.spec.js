// Accessibility of the pages with the web components (axe-core, which also checks inside shadow
// roots), in light and dark: zero violations on the glossary, embed and strict pages. The other
// pages (index, compare, api) are owned elsewhere: their violations are reported, not enforced.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const TAGS = ['kl-gaussians', 'kl-coin', 'kl-fit', 'kl-cross-entropy', 'divergence-compare', 'kl-sampling', 'kl-drift'];

async function allReady(page) {
  await page.waitForFunction((tags) => [...document.querySelectorAll(tags.join(','))].every((e) => e.isReady), TAGS);
}

function summary(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' >> ')}`).join('\n')}`).join('\n');
}

for (const scheme of ['light', 'dark']) {
  for (const path of ['/glossary.html', '/embed.html', '/strict/index.html']) {
    test(`axe: ${path} (${scheme}) has no violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await allReady(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(summary(results.violations)).toBe('');
    });
  }
}

// The narrow layout (phones): scroll boxes and wrapping differ.
for (const path of ['/glossary.html', '/strict/index.html']) {
  test(`axe: ${path} at 375 px has no violations`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(path);
    await allReady(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(summary(results.violations)).toBe('');
  });
}

for (const path of ['/index.html', '/compare.html', '/api.html']) {
  test(`axe report (not enforced): ${path}`, async ({ page }, testInfo) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    const text = results.violations.length ? summary(results.violations) : 'no violations';
    await testInfo.attach(`axe-${path.slice(1)}.txt`, { body: text, contentType: 'text/plain' });
    console.log(`[axe] ${path}: ${results.violations.length ? `${results.violations.length} violation type(s)\n${text}` : 'no violations'}`);
  });
}
