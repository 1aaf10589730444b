// The base class of every divergence-lab element: shadow root and styles, the `theme` attribute,
// typed attributes reflected as properties, one shared load of the WebAssembly core, and the
// render cycle.
//
// Life cycle
// 1. constructor: builds the element's complete static DOM (controls with their default values,
//    plots with placeholders, "…" in every output) so the first frame has its final size.
// 2. attributes (parsed, clamped) move the controls; no computation yet.
// 3. connectedCallback: starts `init()` of the package once for all elements on the page.
// 4. when the core is ready: update() computes and renders; `ready` resolves; `change` fires.
// After that every attribute/property change recomputes synchronously, so properties such as
// klPQ are current right after you set an attribute.
import { init } from '../index.js';
import { keyboardScrollable } from './scroll-focus.js';
import { adoptStyles } from './theme.js';

let coreLoading = null;

/** Loads the WebAssembly core once per page (the package's init() is idempotent too). */
export function loadCore() {
  if (!coreLoading) coreLoading = init();
  return coreLoading;
}

/**
 * Attribute specs: { name: 'muP', attribute: 'mu-p', type: 'number' | 'string' | 'enum', default, min, max, values }.
 * Numbers outside [min, max] are clamped; unparsable values fall back to the default.
 */
function parse(spec, raw) {
  if (raw === null || raw === undefined) return spec.default;
  if (spec.type === 'number' || spec.type === 'integer') {
    const v = Number(String(raw).trim());
    if (String(raw).trim() === '' || !Number.isFinite(v)) return spec.default;
    const r = spec.type === 'integer' ? Math.round(v) : v;
    return Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, r));
  }
  if (spec.type === 'enum') return spec.values.includes(raw) ? raw : spec.default;
  if (spec.type === 'list') {
    const parts = String(raw)
      .split(',')
      .map((s) => s.trim());
    const parsed = spec.parse ? spec.parse(parts) : parts;
    return parsed ?? spec.default;
  }
  return String(raw);
}

function serialize(spec, value) {
  if (spec.type === 'list') return value.join(',');
  return String(value);
}

export class DivergenceElement extends HTMLElement {
  /** The tag name; each subclass sets it. */
  static tagName = '';
  /** Attribute specs of the subclass (the `theme` attribute is common to all). */
  static props = [];
  /** The subclass's own CSS. */
  static styles = '';

  /** Defines the element unless a definition with this tag exists already. @returns the class. */
  static define(registry = globalThis.customElements) {
    if (registry && !registry.get(this.tagName)) registry.define(this.tagName, this);
    return this;
  }

  static get observedAttributes() {
    return ['theme', ...this.props.map((p) => p.attribute)];
  }

  /** Installs a getter/setter per attribute spec on the prototype (called once per class). */
  static installProperties() {
    for (const spec of this.props) {
      if (Object.prototype.hasOwnProperty.call(this.prototype, spec.name)) continue;
      Object.defineProperty(this.prototype, spec.name, {
        configurable: true,
        enumerable: true,
        get() {
          return this._values[spec.name];
        },
        set(value) {
          this.setAttribute(spec.attribute, serialize(spec, value));
        },
      });
    }
  }

  constructor() {
    super();
    this.constructor.installProperties();
    this._values = Object.fromEntries(this.constructor.props.map((p) => [p.name, p.default]));
    this._isReady = false;
    this._readyResolve = null;
    /** Resolves once the core has loaded and the element has rendered its first results. */
    this.ready = new Promise((resolve, reject) => {
      this._readyResolve = resolve;
      this._readyReject = reject;
    });
    this.ready.catch(() => {}); // a failed load is shown in the element; unobserved rejections are noise
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, this.constructor.styles);
    this.build(root);
    this.scrollables = [...root.querySelectorAll('.formula, .results')].map((el) =>
      keyboardScrollable(el, el.classList.contains('formula') ? 'Formula' : 'Results'),
    );
    this.syncControls();
  }

  get theme() {
    return this.getAttribute('theme') ?? 'auto';
  }

  set theme(value) {
    this.setAttribute('theme', String(value));
  }

  connectedCallback() {
    // Properties set before the element was defined shadow the accessors: re-apply them.
    for (const spec of this.constructor.props) {
      if (Object.prototype.hasOwnProperty.call(this, spec.name)) {
        const value = this[spec.name];
        delete this[spec.name];
        this[spec.name] = value;
      }
    }
    if (this._loading) return;
    this._loading = loadCore().then(
      () => {
        this._isReady = true;
        this.update('init');
        this._readyResolve();
      },
      (error) => {
        this.showError(error);
        this._readyReject(error);
      },
    );
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || name === 'theme') return;
    const spec = this.constructor.props.find((p) => p.attribute === name);
    if (!spec) return;
    this._values[spec.name] = parse(spec, newValue);
    this.syncControls();
    if (this._isReady && !this._silent) this.update('attribute');
  }

  /** True once the core is loaded and the first results are rendered. */
  get isReady() {
    return this._isReady;
  }

  /**
   * Sets properties from user input (sliders, buttons): reflects them to attributes without a
   * recomputation per attribute, then recomputes once and fires `change`.
   */
  setFromUser(values) {
    this._silent = true;
    try {
      for (const [name, value] of Object.entries(values)) this[name] = value;
    } finally {
      this._silent = false;
    }
    if (this._isReady) this.update('user');
  }

  /** Recomputes and renders (subclasses implement compute() and render()). */
  update(reason) {
    if (!this._isReady) return;
    this.state = this.compute();
    this.render(this.state);
    for (const update of this.scrollables) update();
    if (reason !== 'attribute') this.emitChange();
  }

  emitChange() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.changeDetail(this.state), bubbles: true }));
  }

  /** Draws a figure now; the first call also registers fn for redraws on resize. */
  drawFigure(figure, fn) {
    if (!figure.drawFn) {
      figure.drawFn = fn;
      figure.onDraw(fn);
    } else {
      figure.draw();
    }
  }

  /** Shows a load failure inside the element (the static frame stays). */
  showError(error) {
    const slot = this.shadowRoot.querySelector('.status-error');
    if (slot) slot.textContent = `The WebAssembly core could not be loaded: ${error?.message ?? error}`;
  }

  // Subclass hooks.
  build() {}
  syncControls() {}
  compute() {
    return {};
  }
  render() {}
  changeDetail() {
    return {};
  }
}
