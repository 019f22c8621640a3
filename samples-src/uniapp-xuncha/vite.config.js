// Build: npm ci && npm run build  (writes ../../samples/uniapp-xuncha; public/ holds manifest.json)
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: '../../samples/uniapp-xuncha', emptyOutDir: true, assetsDir: 'assets' },
});
