// Vite plugin: turns the built HTML page into ONE file. The page's single script chunk is inlined as
// <script type="module"> and its stylesheets as <style>; the page's Content-Security-Policy keeps
// script-src strict by allowing exactly that script through its SHA-256 hash (no 'unsafe-inline').
// The favicon link is dropped (it would be a request for a file next to the page). Needs
// build.rolldownOptions.output.codeSplitting = false so that there is one script chunk.
import { createHash } from 'node:crypto';

// "</script" or "<!--" inside the code would end or confuse the script element: escape the "<".
const safeScript = (code) => code.replace(/<(\/script|!--)/gi, '\\x3C$1');

export default function inlineHtml() {
  return {
    name: 'divergence-lab-inline-html',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const html of Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.html'))) {
        let text = String(html.source);
        const inlined = [];
        text = text.replace(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>\s*/g, (_, file) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk') this.error(`inline-html: ${file} is not a chunk of this build`);
          inlined.push(safeScript(chunk.code));
          delete bundle[file];
          return '';
        });
        if (inlined.length !== 1) this.error(`inline-html: expected one script chunk in ${html.fileName}, found ${inlined.length}`);
        text = text.replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">\s*/g, (_, file) => {
          const asset = bundle[file];
          if (!asset) this.error(`inline-html: stylesheet ${file} missing`);
          delete bundle[file];
          return `<style>${String(asset.source)}</style>\n`;
        });
        text = text.replace(/<link rel="icon"[^>]*>\s*/g, '');
        const script = inlined[0];
        const hash = createHash('sha256').update(script).digest('base64');
        text = text.replace(/script-src 'self' 'wasm-unsafe-eval'/, `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`);
        if (!text.includes(`'sha256-${hash}'`)) this.error('inline-html: the page has no script-src to put the hash in');
        text = text.replace('</head>', () => `<script type="module">${script}</script>\n</head>`); // a function: $' in the code is no pattern
        html.source = text;
      }
    },
  };
}
