// File inputs in drop zones: a chosen or dropped file is read as bytes and handed on.

/**
 * Wires one drop zone around a file input.
 * @param {HTMLElement} zone the drop target containing the input
 * @param {HTMLInputElement} input
 * @param {(file: File) => void} onFile called with the chosen or dropped file
 */
export function setupDropZone(zone, input, onFile) {
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });

  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    try {
      input.files = files; // keeps the input's own display in step
    } catch {
      // older browsers: the input just keeps its previous file
    }
    onFile(files[0]);
  });
}

/** Stops the browser from opening a file dropped outside the drop zones. */
export function preventStrayDrops() {
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (hasFiles(event) && !event.target.closest?.('.dropzone')) event.preventDefault();
    });
  }
}

function hasFiles(event) {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** The bytes of a File. */
export async function readFile(file) {
  return new Uint8Array(await file.arrayBuffer());
}
