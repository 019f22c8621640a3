// Build: npm ci && npm run build  (writes ../../samples/jquery-wangge; public/ holds manifest.json)
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: '../../samples/jquery-wangge', emptyOutDir: true, assetsDir: 'assets' },
});
