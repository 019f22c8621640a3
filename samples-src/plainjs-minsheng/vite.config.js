// Build: npm ci && npm run build  (writes ../../samples/plainjs-minsheng; public/ holds manifest.json)
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: '../../samples/plainjs-minsheng', emptyOutDir: true, assetsDir: 'assets' },
});
