// The four sliders of the explainer: reading their values and keeping the visible label and
// aria-valuetext in step with them.
const SLIDERS = [
  { id: 'mu-p', key: 'muP', symbol: 'μ_P' },
  { id: 'sigma-p', key: 'sigmaP', symbol: 'σ_P' },
  { id: 'mu-q', key: 'muQ', symbol: 'μ_Q' },
  { id: 'sigma-q', key: 'sigmaQ', symbol: 'σ_Q' },
];

/** A slider value without floating-point noise ("0.5", not "0.5000000001"). */
function tidy(value) {
  return String(Number(value.toFixed(4)));
}

/**
 * Wires the sliders. onChange(params) is called on every `input` event.
 * @param {(params: {muP: number, sigmaP: number, muQ: number, sigmaQ: number}) => void} onChange
 * @returns {{ read: () => object, sync: () => void }}
 */
export function setupControls(onChange) {
  const inputs = SLIDERS.map((s) => ({ ...s, input: document.getElementById(s.id), current: document.getElementById(`${s.id}-current`) }));

  function read() {
    const params = {};
    for (const { key, input } of inputs) params[key] = Number(input.value);
    return params;
  }

  function sync() {
    for (const { symbol, input, current } of inputs) {
      const text = tidy(Number(input.value));
      current.textContent = text.replace('-', '−');
      input.setAttribute('aria-valuetext', `${symbol} = ${text}`);
    }
  }

  for (const { input } of inputs) {
    input.addEventListener('input', () => {
      sync();
      onChange(read());
    });
  }
  sync();
  return { read, sync };
}
