import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths from this file, not from the working directory: `npm start` may build from anywhere.
const projectRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [react()],
  resolve: {
    alias: {
      // frappe-gantt's stylesheet is not among its package exports; the timeline imports it by this name.
      'frappe-gantt/style.css': path.join(projectRoot, 'node_modules/frappe-gantt/dist/frappe-gantt.css'),
    },
  },
  // `npm run build` (scripts/build.mjs) chooses the output folder of each build.
  // The manifest (web/.vite/manifest.json) names each page's chunk, for scripts/bundle-budget.mjs.
  build: {
    outDir: path.join(projectRoot, 'dist/vite'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      // The API, on another port when STEGVIS_API says so; the web app's own `src/web/api/*.ts` modules
      // share the prefix and stay with Vite. The Host header is kept for the server's same-origin check.
      '^/api/(?!.*\\.tsx?$)': { target: process.env.STEGVIS_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
