// Vite plugin: generates the API reference of api.html from the doc comments in web/src/index.d.ts,
// at build time and on every dev-server request, so the page cannot drift from the types.
// It replaces two placeholders in api.html only (other pages pass through untouched):
//   <!-- api-docs:toc -->        the table of contents (one link per section and per export)
//   <!-- api-docs:reference -->  the sections: Overview (the file's header comment), the function
//                                groups of api-sections.js, "Other", and "Types"
// Parsing: dts-parser.js; HTML: api-render.js (every text from the .d.ts is escaped).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApi } from './api-render.js';

const DEFAULT_DTS = fileURLToPath(new URL('../../src/index.d.ts', import.meta.url));
const DEFAULT_PAGE = fileURLToPath(new URL('../api.html', import.meta.url));

export const PLACEHOLDERS = { toc: '<!-- api-docs:toc -->', reference: '<!-- api-docs:reference -->' };

/**
 * @param {{ dts?: string, page?: string, label?: string }} [options] the declaration file, the page
 *   whose placeholders are replaced, and the file name shown on the page.
 */
export default function apiDocs({ dts = DEFAULT_DTS, page = DEFAULT_PAGE, label = 'web/src/index.d.ts' } = {}) {
  const dtsPath = path.resolve(dts);
  const pagePath = path.resolve(page);
  let logger = null;
  let reported = null; // warnings already printed, so the dev server prints them once per change

  const report = (warnings) => {
    const text = warnings.join('\n');
    if (!warnings.length || text === reported) return;
    reported = text;
    const say = (msg) => (logger ? logger.warn(msg) : console.warn(msg));
    say(`[api-docs] ${path.basename(dtsPath)}: ${warnings.length} doc comment issue(s):\n  ${warnings.join('\n  ')}`);
  };

  return {
    name: 'divergence-lab:api-docs',
    configResolved(config) {
      logger = config.logger;
    },
    buildStart() {
      this.addWatchFile(dtsPath);
    },
    configureServer(server) {
      // The .d.ts lies outside the site root: watch it and reload the page when it changes.
      server.watcher.add(dtsPath);
      server.watcher.on('change', (file) => {
        if (path.resolve(file) === dtsPath) server.ws.send({ type: 'full-reload', path: '*' });
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!ctx.filename || path.resolve(ctx.filename) !== pagePath) return html;
        for (const [key, marker] of Object.entries(PLACEHOLDERS)) {
          if (!html.includes(marker)) throw new Error(`[api-docs] ${path.basename(pagePath)} has no ${key} placeholder ${marker}`);
        }
        const api = renderApi(readFileSync(dtsPath, 'utf8'), { source: label });
        report(api.warnings);
        // Functions as replacements: "$" in the generated HTML must not be read as a pattern.
        return html.replace(PLACEHOLDERS.toc, () => api.toc).replace(PLACEHOLDERS.reference, () => api.reference);
      },
    },
  };
}
