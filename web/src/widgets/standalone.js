// Entry of the single-file bundle (web/vite.widgets.config.js): defines every element on load.
import { defineAll } from './index.js';

export * from './index.js';

defineAll();
