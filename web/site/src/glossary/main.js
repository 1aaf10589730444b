// The glossary page: registers the divergence-lab web components (bundled by Vite with the page; the
// .wasm is a separate file), and makes the page's overflowing scroll boxes (wide formulas, code,
// tables on small screens) reachable by keyboard.
import { defineAll } from '../../../src/widgets/index.js';
import { keyboardScrollable } from '../../../src/widgets/scroll-focus.js';

defineAll();

for (const element of document.querySelectorAll('main .formula, main pre, main .table-scroll')) {
  const label = element.matches('pre') ? 'Code' : element.matches('.table-scroll') ? 'Table' : 'Formula';
  keyboardScrollable(element, label);
}
