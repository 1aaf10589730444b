// No string compiling in shipped code: no eval(...), new Function(...), Function(...) or
// setTimeout/setInterval with a string, in the package (web/src), the site's scripts, the
// Emscripten glue (web/wasm, built with -sDYNAMIC_EXECUTION=0) and the built bundles (dist/, when
// built: Playwright's web server builds them; tests/e2e/security.spec.js scans what the pages load).
// And the API runs in a Node that forbids code generation from strings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { stringCompiling } from '../security/string-compiling.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

test('the detector finds every form it looks for (the scan can fail)', () => {
  for (const bad of ['eval("1")', 'x = eval (s)', 'new Function("a", "return a")', 'new  Function(s)', 'Function("return this")()', 'setTimeout("f()", 1)', "setInterval('g()')", 'setTimeout(`x`)']) {
    assert.ok(stringCompiling(bad).length > 0, bad);
  }
  for (const fine of ['new WebAssembly.Function(type, f)', 'createNamedFunction(name, body)', 'x.eval(1)', 'setTimeout(() => f(), 1)', 'retrieval(x)', 'typeof x == "function"']) {
    assert.deepEqual(stringCompiling(fine), [], fine);
  }
});

test('no string compiling in web/src, web/site, web/wasm and dist', () => {
  const scanned = [
    ...files(join(root, 'web/src'), ['.js', '.mjs']),
    ...files(join(root, 'web/site/src'), ['.js', '.mjs']),
    ...files(join(root, 'web/site/public'), ['.js', '.mjs', '.html']),
    ...files(join(root, 'web/wasm'), ['.mjs']),
    ...files(join(root, 'dist'), ['.js', '.mjs', '.html']),
  ];
  assert.ok(scanned.some((f) => f.endsWith('web/wasm/divergence.mjs')), 'the glue is built (scripts/build wasm)');
  const found = scanned.flatMap((f) => stringCompiling(readFileSync(f, 'utf8')).map((hit) => `${relative(root, f)}: ${hit}`));
  console.log(`# scanned ${scanned.length} files`);
  assert.deepEqual(found, []);
});

test('the API and the single-file glue run under --disallow-code-generation-from-strings', () => {
  const script = `
    const dl = await import(${JSON.stringify(join(root, 'web/src/node.js'))});
    await dl.init();
    const kl = dl.klDivergence([0.1, 0.6, 0.3], [0.2, 0.3, 0.5]);
    const report = dl.compare('a,b\\n1,x\\n2,y\\n', 'a,b\\n2,x\\n3,x\\n');
    const { default: create } = await import(${JSON.stringify(join(root, 'web/wasm/divergence-single.mjs'))});
    const single = await create();
    let refused = false;
    try { eval('1'); } catch { refused = true; }
    console.log(JSON.stringify({ kl, columns: report.columns.length, single: typeof single.klNormal, refused }));`;
  const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(Math.abs(out.kl - 0.19332590315017545) < 1e-15);
  assert.deepEqual({ columns: out.columns, single: out.single, refused: out.refused }, { columns: 2, single: 'function', refused: true });
});
