// A labelled native range input: visible label and value, aria-valuetext kept in step.

let counter = 0;

/**
 * @param {object} o
 * @param {string} o.id id inside the shadow root
 * @param {string} o.label label HTML (trusted, written by the widget: may contain <sub>)
 * @param {number} o.min @param {number} o.max @param {number} o.step @param {number} o.value
 * @param {(v: number) => string} o.format the visible value
 * @param {(v: number) => string} o.valueText aria-valuetext ("mean of P: 0.5")
 * @param {string} [o.tone] 'p' | 'q' | 'm': accent colour of the thumb
 * @param {(v: number) => void} o.onInput called on every `input` event with the numeric value
 * @returns {{ element: HTMLElement, input: HTMLInputElement, set: (v: number) => void, value: number }}
 */
export function createSlider(o) {
  const element = document.createElement('div');
  element.className = `slider${o.tone ? ` tone-${o.tone}` : ''}`;
  element.setAttribute('part', 'slider');
  const id = o.id ?? `slider-${++counter}`;
  element.innerHTML = `<div class="slider-row"><label part="label" for="${id}">${o.label}</label><span class="slider-value" part="value" aria-hidden="true"></span></div>
<input part="range" type="range" id="${id}" min="${o.min}" max="${o.max}" step="${o.step}">`;
  const input = element.querySelector('input');
  const shown = element.querySelector('.slider-value');
  const api = {
    element,
    input,
    get value() {
      return Number(input.value);
    },
    /** Moves the thumb and updates the texts (no event). */
    set(v) {
      input.value = String(v);
      shown.textContent = o.format(v);
      input.setAttribute('aria-valuetext', o.valueText(v));
    },
  };
  input.addEventListener('input', () => {
    const v = Number(input.value);
    shown.textContent = o.format(v);
    input.setAttribute('aria-valuetext', o.valueText(v));
    o.onInput(v);
  });
  api.set(o.value);
  return api;
}

/** Clamps v into [min, max] and rounds it to the slider's step grid (from min). */
export function snap(v, min, max, step) {
  const clamped = Math.min(max, Math.max(min, v));
  const k = Math.round((clamped - min) / step);
  return Number((min + k * step).toFixed(10));
}
