import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve('src/web'),
  plugins: [react()],
  resolve: {
    alias: {
      // frappe-gantt's stylesheet is not among its package exports; the timeline imports it by this name.
      'frappe-gantt/style.css': path.resolve('node_modules/frappe-gantt/dist/frappe-gantt.css'),
    },
  },
  build: { outDir: path.resolve('dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: {
      // The API, on another port when STEGVIS_API says so; the web app's own `src/web/api/*.ts` modules
      // share the prefix and stay with Vite. The Host header is kept for the server's same-origin check.
      '^/api/(?!.*\\.tsx?$)': { target: process.env.STEGVIS_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
