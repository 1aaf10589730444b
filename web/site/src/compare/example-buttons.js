// One-click example pairs: a button per pair in EXAMPLES with its citation beside it, in a list
// after the #example select (which stays, for the URL parameter and the tests). A button loads its
// pair as the select does; aria-pressed marks the pair on screen. Native <button>s: Tab reaches
// each one, Enter and Space press it.
import { EXAMPLES } from './examples.js';

/**
 * Fills `list` (an empty <ul>) with the buttons.
 * @param {HTMLUListElement} list
 * @param {(id: string) => void} choose called with the pair's id on a press
 * @returns {(id: string|null) => void} marks the pair shown (null: none, e.g. the user's own files)
 */
export function exampleButtons(list, choose) {
  const buttons = Object.entries(EXAMPLES).map(([id, example]) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'example-button';
    button.dataset.example = id;
    button.textContent = example.label;
    button.setAttribute('aria-pressed', 'false');
    const cite = document.createElement('p');
    cite.className = 'example-cite';
    cite.id = `cite-${id}`;
    cite.textContent = `${example.split}. ${example.citation}`;
    button.setAttribute('aria-describedby', cite.id);
    button.addEventListener('click', () => choose(id));
    item.append(button, cite);
    list.append(item);
    return button;
  });
  return (shownId) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.example === shownId));
  };
}
