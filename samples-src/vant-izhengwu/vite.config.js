// Build: npm ci && npm run build  (writes ../../samples/vant-izhengwu; public/ holds manifest.json)
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [vue()],
  build: { outDir: '../../samples/vant-izhengwu', emptyOutDir: true, assetsDir: 'assets' },
});
