import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve('src/web'),
  plugins: [react()],
  build: { outDir: path.resolve('dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // STEGVIS_API points the development server at an API on another port.
  server: { port: 5173, proxy: { '/api': process.env.STEGVIS_API ?? 'http://localhost:3000' } },
});
