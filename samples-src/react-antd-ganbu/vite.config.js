// Build: npm ci && npm run build  (writes ../../samples/react-antd-ganbu; public/ holds manifest.json and test-account.json)
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: '../../samples/react-antd-ganbu', emptyOutDir: true, assetsDir: 'assets' },
});
