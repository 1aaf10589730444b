// Theming shared by every element: CSS custom properties (the public --dl-* ones, resolved into
// private --_* ones per theme), light/dark/auto via the `theme` attribute, and the base layout.
//
// Public custom properties (set them on the element or any ancestor):
//   --dl-color-p        colour of P (curves, bars, P's sliders)
//   --dl-color-q        colour of Q
//   --dl-color-m        a third colour (the fitted normal, the production histogram's contributions, ...)
//   --dl-color-positive fill of positive pointwise terms (default: P's colour, translucent)
//   --dl-color-negative fill of negative pointwise terms (default: Q's colour, translucent)
//   --dl-color-ok, --dl-color-warn, --dl-color-bad   status colours (drift thresholds)
//   --dl-background     background of the element
//   --dl-surface        background of panels and tables inside it
//   --dl-text, --dl-muted  text colours
//   --dl-border         borders, grid lines
//   --dl-accent         buttons, focus ring
//   --dl-font, --dl-font-mono, --dl-font-size
//   --dl-radius         corner radius
// Each theme has its own defaults; to change a colour in one theme only, set it under a selector
// such as `kl-gaussians[theme="dark"]` or inside `@media (prefers-color-scheme: dark)`.

const LIGHT = `
  --_bg: var(--dl-background, #ffffff);
  --_surface: var(--dl-surface, #f5f6f8);
  --_text: var(--dl-text, #1b1f24);
  --_muted: var(--dl-muted, #545d68);
  --_border: var(--dl-border, #c9d0d8);
  --_grid: var(--dl-grid, #e3e7ec);
  --_accent: var(--dl-accent, #1d4ed8);
  --_p: var(--dl-color-p, #1d4ed8);
  --_q: var(--dl-color-q, #b45309);
  --_m: var(--dl-color-m, #7e22ce);
  --_pos: var(--dl-color-positive, color-mix(in srgb, var(--_p) 32%, transparent));
  --_neg: var(--dl-color-negative, color-mix(in srgb, var(--_q) 32%, transparent));
  --_ok: var(--dl-color-ok, #15803d);
  --_warn: var(--dl-color-warn, #a16207);
  --_bad: var(--dl-color-bad, #b91c1c);
  color-scheme: light;`;

const DARK = `
  --_bg: var(--dl-background, #14181d);
  --_surface: var(--dl-surface, #1c222a);
  --_text: var(--dl-text, #e7eaee);
  --_muted: var(--dl-muted, #a9b3be);
  --_border: var(--dl-border, #3b4551);
  --_grid: var(--dl-grid, #2a323c);
  --_accent: var(--dl-accent, #8fb0ff);
  --_p: var(--dl-color-p, #8fb0ff);
  --_q: var(--dl-color-q, #f3a65f);
  --_m: var(--dl-color-m, #d4a5ff);
  --_pos: var(--dl-color-positive, color-mix(in srgb, var(--_p) 38%, transparent));
  --_neg: var(--dl-color-negative, color-mix(in srgb, var(--_q) 38%, transparent));
  --_ok: var(--dl-color-ok, #5ad58a);
  --_warn: var(--dl-color-warn, #f2c94c);
  --_bad: var(--dl-color-bad, #ff8a80);
  color-scheme: dark;`;

export const baseCss = `
:host {
  display: block;
  box-sizing: border-box;
  min-width: 0;
  max-width: 100%;
  ${LIGHT}
  background: var(--_bg);
  color: var(--_text);
  font-family: var(--dl-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--dl-font-size, 0.9375rem);
  line-height: 1.45;
  border: 1px solid var(--_border);
  border-radius: var(--dl-radius, 10px);
  padding: 0.9em;
  text-align: start;
  /* What changes inside (a slider moving a curve) is laid out and painted within the element,
     not with the whole host page: a slider frame costs less on long glossary pages. */
  contain: content;
}
:host([theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { ${DARK} }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }

.frame { container-type: inline-size; }
.title { margin: 0 0 0.5em; font-weight: 650; font-size: 1.05em; }
.lede { margin: 0 0 0.75em; color: var(--_muted); }
.layout { display: grid; gap: 0.75em 1.25em; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 640px) {
  .layout.split { grid-template-columns: minmax(0, 1.55fr) minmax(14em, 1fr); align-items: start; }
}

figure { margin: 0; min-width: 0; }
svg.plot { display: block; width: 100%; overflow: visible; font-family: inherit; }
svg.plot text { fill: var(--_muted); font-size: 11px; }
svg.plot .placeholder { fill: var(--_muted); font-size: 13px; }
.axis path, .axis line { stroke: var(--_border); }
.axis text { fill: var(--_muted); font-size: 11px; }
.gridline { stroke: var(--_grid); stroke-width: 1; }
.panel-title { fill: var(--_text) !important; font-size: 12px !important; font-weight: 600; }
.axis-label { fill: var(--_muted); font-size: 11px; }
.curve-p { fill: none; stroke: var(--_p); stroke-width: 2.25; }
.curve-q { fill: none; stroke: var(--_q); stroke-width: 2.25; stroke-dasharray: 7 4; }
.curve-m { fill: none; stroke: var(--_m); stroke-width: 2.5; }
.fill-p { fill: color-mix(in srgb, var(--_p) 22%, transparent); stroke: none; }
.fill-q { fill: color-mix(in srgb, var(--_q) 22%, transparent); stroke: none; }
.term-pos { fill: var(--_pos); stroke: none; }
.term-neg { fill: var(--_neg); stroke: none; }
.term-line { fill: none; stroke: var(--_text); stroke-width: 1.25; opacity: 0.75; }
.zero-line, .ref-line { stroke: var(--_muted); stroke-width: 1; }
.ref-line { stroke-dasharray: 4 3; }

.legend { display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin: 0.4em 0 0; padding: 0; list-style: none; font-size: 0.875em; color: var(--_muted); }
.legend li { display: inline-flex; align-items: center; gap: 0.4em; }
.swatch { display: inline-block; width: 1.6em; height: 0; border-top: 2.5px solid currentColor; }
.swatch.p { border-color: var(--_p); }
.swatch.q { border-color: var(--_q); border-top-style: dashed; }
.swatch.m { border-color: var(--_m); }
.swatch.box { height: 0.8em; width: 0.9em; border: 0; }
.swatch.box.pos { background: var(--_pos); }
.swatch.box.neg { background: var(--_neg); }
.swatch.box.p { background: var(--_p); }
.swatch.box.q { background: var(--_q); }
.swatch.box.m { background: var(--_m); }

.controls { display: grid; gap: 0.6em; min-width: 0; }
fieldset { margin: 0; padding: 0.5em 0.75em 0.65em; border: 1px solid var(--_border); border-radius: 8px; min-width: 0; }
legend { padding: 0 0.3em; font-weight: 600; }
.slider { display: grid; gap: 0.1em; }
.slider + .slider { margin-top: 0.35em; }
.slider-row { display: flex; justify-content: space-between; gap: 0.5em; align-items: baseline; }
.slider-value { font-variant-numeric: tabular-nums; font-family: var(--dl-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); font-size: 0.9em; min-width: 4.5ch; text-align: end; }
input[type="range"] { width: 100%; margin: 0.2em 0; accent-color: var(--_accent); min-height: 24px; }
.tone-p input[type="range"] { accent-color: var(--_p); }
.tone-q input[type="range"] { accent-color: var(--_q); }
.tone-m input[type="range"] { accent-color: var(--_m); }
.dist-p legend { color: var(--_p); }
.dist-q legend { color: var(--_q); }

.choices { display: flex; flex-wrap: wrap; gap: 0.25em 1em; }
.choices label { display: inline-flex; align-items: center; gap: 0.35em; min-height: 24px; }
input[type="radio"] { accent-color: var(--_accent); margin: 0; width: 1.05em; height: 1.05em; }

.buttons { display: flex; flex-wrap: wrap; gap: 0.45em; }
button {
  font: inherit; color: var(--_text); background: var(--_surface);
  border: 1px solid var(--_border); border-radius: 6px; padding: 0.35em 0.85em; min-height: 2.2em; min-width: 44px; cursor: pointer;
}
button:hover { border-color: var(--_accent); }
button.primary { background: var(--_accent); color: var(--_bg); border-color: var(--_accent); font-weight: 600; }
button:disabled { opacity: 0.55; cursor: default; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
input[type="range"]:focus-visible { outline-offset: 3px; }

table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: start; font-weight: 600; padding: 0 0 0.3em; }
th, td { padding: 0.3em 0.5em; border-bottom: 1px solid var(--_border); text-align: end; vertical-align: baseline; }
th:first-child, td:first-child { text-align: start; }
thead th { font-weight: 600; color: var(--_muted); font-size: 0.875em; }
tbody th { font-weight: 600; }
.num { font-family: var(--dl-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); white-space: nowrap; }
.results { background: var(--_surface); border-radius: 8px; padding: 0.6em 0.75em; min-width: 0; overflow-x: auto; }
.note { color: var(--_muted); font-size: 0.875em; margin: 0.5em 0 0; }
.formula { overflow-x: auto; overflow-y: hidden; margin: 0.5em 0 0; padding: 0.2em 0; }
math { font-size: 1.05em; }
@container (max-width: 460px) {
  th, td { padding: 0.28em 0.3em; }
  table { font-size: 0.92em; }
  .results { padding: 0.5em 0.5em; }
  math { font-size: 0.92em; }
}
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.error { color: var(--_bad); font-weight: 600; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

const cache = new Map();

function sheet(text) {
  let s = cache.get(text);
  if (!s) {
    s = new CSSStyleSheet();
    s.replaceSync(text);
    cache.set(text, s);
  }
  return s;
}

/** Applies the base styles plus an element's own to a shadow root (constructable stylesheets, shared). */
export function adoptStyles(root, ...texts) {
  const all = [baseCss, ...texts.filter(Boolean)];
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    root.adoptedStyleSheets = all.map(sheet);
  } else {
    for (const text of all) {
      const style = document.createElement('style');
      style.textContent = text;
      root.append(style);
    }
  }
}
