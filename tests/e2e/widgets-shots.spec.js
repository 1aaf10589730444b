// Screenshots of the web components at 375 px and 1280 px, light and dark (test-results/, via
// testInfo.outputPath): the strict page whole, every element on its own, and the glossary.
import { test } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const TAGS = ['kl-gaussians', 'kl-coin', 'kl-fit', 'kl-cross-entropy', 'divergence-compare', 'kl-sampling', 'kl-drift'];

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`screenshots ${width} px ${scheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/strict/index.html');
      await page.waitForFunction((tags) => tags.every((t) => document.querySelector(t)?.isReady), TAGS);
      // The fit in its converged state, so the picture shows the result.
      await page.locator('kl-fit').evaluate((e) => e.runToConvergence());
      await page.waitForTimeout(150);
      await page.screenshot({ path: testInfo.outputPath(`strict-${width}-${scheme}.png`), fullPage: true });
      for (const tag of TAGS) await page.locator(tag).screenshot({ path: testInfo.outputPath(`${tag}-${width}-${scheme}.png`) });
      // Nothing may be wider than the viewport.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      if (overflow > width) throw new Error(`page is ${overflow} px wide at ${width} px`);
    });
  }
  test(`glossary and embed pages ${scheme}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ['glossary', 'embed']) {
        await page.goto(`/${name}.html`);
        await page.waitForFunction((tags) => [...document.querySelectorAll(tags.join(','))].every((e) => e.isReady), TAGS);
        await page.screenshot({ path: testInfo.outputPath(`${name}-${width}-${scheme}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        if (overflow > width) throw new Error(`${name} is ${overflow} px wide at ${width} px`);
      }
    }
  });
}
