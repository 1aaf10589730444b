// Vite plugin of the site: makes the single-file web components bundle
// (dist/widgets/divergence-lab-widgets.js, built by web/vite.widgets.config.js) available as
// /divergence-lab-widgets.js
//   - dev server: served by a middleware, rebuilt first when missing or older than its sources;
//   - build: emitted as an asset at the root of dist/site (rebuilt first when missing or stale),
//     so `vite preview` and any static host serve it next to the pages.
// The strict-CSP page (public/strict/index.html) and third parties load it with one
// <script type="module" src="/divergence-lab-widgets.js">.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const bundle = join(repo, 'dist/widgets/divergence-lab-widgets.js');
const config = join(repo, 'web/vite.widgets.config.js');
const sources = [join(repo, 'web/src'), join(repo, 'web/wasm/divergence-widgets.mjs'), join(repo, 'web/single-file-glue.js'), config];
export const WIDGETS_FILE = 'divergence-lab-widgets.js';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

let building = null;

/** Builds the bundle when it is missing or older than any of its sources. */
async function ensureBundle(logger) {
  const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...sources.map(newestMtime));
  if (!stale) return;
  if (!building) {
    logger?.info(`[widgets] building ${WIDGETS_FILE}`);
    building = import('vite')
      .then(({ build }) => build({ configFile: config, logLevel: 'warn' }))
      .finally(() => {
        building = null;
      });
  }
  await building;
}

export default function widgetsBundle() {
  let logger;
  return {
    name: 'divergence-lab-widgets-bundle',
    configResolved(resolved) {
      logger = resolved.logger;
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (!path.endsWith(`/${WIDGETS_FILE}`)) return next();
        try {
          await ensureBundle(logger);
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(readFileSync(bundle));
        } catch (error) {
          next(error);
        }
      });
    },
    async buildStart() {
      await ensureBundle(logger);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WIDGETS_FILE, source: readFileSync(bundle) });
    },
  };
}
