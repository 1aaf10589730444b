// Where the consumer tests find the packed package and the app it was installed into.
// tests/consumers/setup.mjs packs the package once (npm pack) and installs the tarball into a fresh
// app OUTSIDE the repository (so nothing resolves from the repo's own node_modules); every consumer
// test (node --test tests/consumers/, Playwright with tests/consumers/playwright.config.js) reads it.
// CONSUMER_DIR overrides the folder (default: one per checkout in the OS temp folder).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const consumerDir =
  process.env.CONSUMER_DIR || join(tmpdir(), `divergence-lab-consumer-${createHash('sha1').update(repo).digest('hex').slice(0, 8)}`);
export const appDir = join(consumerDir, 'app');
export const installedPackage = join(appDir, 'node_modules', 'divergence-lab');
const stampFile = join(consumerDir, 'consumer.json');

/**
 * The setup's record: { tarball, version, files: [{ path, size }] } (files as listed by
 * `npm pack --json`, the list `npm publish` would upload). Throws when the setup has not run.
 */
export function packed() {
  if (!existsSync(stampFile)) {
    throw new Error(`${stampFile} is missing: run \`node tests/consumers/setup.mjs\` first (scripts/test-consumers does)`);
  }
  return JSON.parse(readFileSync(stampFile, 'utf8'));
}

export { stampFile };
