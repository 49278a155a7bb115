// Builds the demo's three pages into dist/, with the dxplan package taken
// from ../wasm/pkg (scripts/build-wasm.sh) and CodeMirror from node_modules:
// everything is bundled locally, so the demo works offline.
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default {
  root: here('.'),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^dxplan\/form$/, replacement: here('../wasm/pkg/form.js') },
      { find: /^dxplan\/form\.css$/, replacement: here('../wasm/pkg/form.css') },
      { find: /^dxplan\/rules$/, replacement: here('../wasm/pkg/rules/index.js') },
      { find: /^dxplan$/, replacement: here('../wasm/pkg/index.js') },
    ],
  },
  server: { fs: { allow: [here('..')] } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: here('index.html'),
        calendar: here('calendar.html'),
        dashboard: here('dashboard.html'),
      },
    },
  },
};
