// What `npm pack` (the same list `npm publish` uploads) puts in the tarball: only what runs or
// documents the package. The list comes from tests/consumers/setup.mjs (npm pack --json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packed, repo } from './consumer.js';

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const paths = () => packed().files.map((file) => file.path);

test('the tarball holds the sources, the builds, the types and the docs, nothing else', () => {
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^CHANGELOG\.md$/,
    /^web\/src\/.+\.(js|d\.ts)$/,
    /^web\/wasm\/divergence[\w-]*\.(mjs|wasm)$/,
    /^dist\/core\/divergence-lab\.js$/,
    /^dist\/widgets\/divergence-lab-widgets\.js$/,
  ];
  const unexpected = paths().filter((path) => !allowed.some((pattern) => pattern.test(path)));
  assert.deepEqual(unexpected, [], `files that do not belong in the package: ${unexpected.join(', ')}`);
  const forbidden = paths().filter((path) => /(^|\/)(tests?|build|node_modules|cpp|site|\.ci)\//.test(path) || path.endsWith('.map'));
  assert.deepEqual(forbidden, []);
});

test('every exports target, the bin, the types and the .wasm are in the tarball', () => {
  const listed = new Set(paths());
  const targets = [];
  for (const entry of Object.values(pkg.exports)) {
    if (typeof entry === 'string') targets.push(entry);
    else targets.push(...Object.values(entry));
  }
  targets.push(...Object.values(pkg.bin));
  for (const target of targets) assert.ok(listed.has(target.replace(/^\.\//, '')), `${target} is exported but not packed`);
  for (const required of ['web/wasm/divergence.wasm', 'web/wasm/divergence.mjs', 'web/src/index.d.ts', 'web/src/widgets/index.d.ts', 'LICENSE', 'CHANGELOG.md', 'README.md']) {
    assert.ok(listed.has(required), `${required} is missing from the tarball`);
  }
});

test('package.json: types first in every exports entry, ESM only, license, engines, sideEffects', () => {
  for (const [name, entry] of Object.entries(pkg.exports)) {
    if (typeof entry === 'string') {
      assert.match(name, /\.(wasm|json)$/, `${name}: only assets may be a bare path (no types)`);
      continue;
    }
    assert.equal(Object.keys(entry)[0], 'types', `${name}: "types" must come first`);
    assert.equal(Object.keys(entry).at(-1), 'default', `${name}: "default" must come last`);
  }
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(repo, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(pkg.engines.node, /^>=\d+\.\d+/);
  // Only the self-registering bundles have side effects; the element classes register on defineAll().
  assert.deepEqual(pkg.sideEffects, ['./web/src/widgets/standalone.js', './dist/widgets/divergence-lab-widgets.js']);
});

test('the version is semver, matches the CMake project and heads the CHANGELOG', () => {
  assert.match(pkg.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  assert.equal(packed().version, pkg.version);
  const cmake = readFileSync(join(repo, 'CMakeLists.txt'), 'utf8').match(/project\(divergence VERSION (\S+)/)[1];
  assert.equal(cmake, pkg.version);
  const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
  assert.equal(changelog.match(/^## (\S+)/m)?.[1], pkg.version);
});
