// Packs the package ONCE and installs the tarball into a fresh app, as a new user would:
//   1. builds the single-file bundles (npm run build:dist; the WASM build must exist: scripts/build wasm),
//   2. npm pack --json (the same file list npm publish uploads) into the consumer folder,
//   3. copies tests/consumers/vite-app (plus the Node script and the TypeScript consumer) next to it,
//      points its "divergence-lab" dependency at the tarball and installs it with npm, offline when
//      the npm cache has everything (it does after `npm ci`), the registry otherwise,
//   4. vite build of the app.
// Then: node --test tests/consumers/ and npx playwright test --config tests/consumers/playwright.config.js.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDir, consumerDir, repo, stampFile } from './consumer.js';

const here = new URL('./', import.meta.url);
const run = (command, args, cwd, capture = false) =>
  execFileSync(command, args, { cwd, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
const started = Date.now();
const step = (what) => console.log(`[consumers] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

rmSync(consumerDir, { recursive: true, force: true });
mkdirSync(consumerDir, { recursive: true });

step('building the single-file bundles');
run('npm', ['run', '--silent', 'build:dist'], repo);

step('npm pack');
const [pack] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', consumerDir], repo, true));
const tarball = join(consumerDir, pack.filename);

step(`installing ${pack.filename} into a fresh Vite app in ${appDir}`);
cpSync(new URL('vite-app/', here), appDir, { recursive: true });
cpSync(new URL('ts/', here), join(appDir, 'ts'), { recursive: true });
cpSync(new URL('node/', here), join(appDir, 'node'), { recursive: true });
const app = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
app.dependencies['divergence-lab'] = `file:${tarball}`;
// The Vite version the repository itself is tested with (in the npm cache after `npm ci`).
app.devDependencies.vite = JSON.parse(readFileSync(join(repo, 'node_modules/vite/package.json'), 'utf8')).version;
writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(app, null, 2)}\n`);
run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], appDir);

step('vite build of the app');
run('npx', ['vite', 'build', '--logLevel', 'warn'], appDir);

writeFileSync(
  stampFile,
  `${JSON.stringify({ tarball, version: pack.version, files: pack.files.map(({ path, size }) => ({ path, size })) }, null, 2)}\n`,
);
step('done');
