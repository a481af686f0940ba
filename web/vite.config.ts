// Vite build and dev server for the dvld web app; Vitest reads its settings from here too.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The C++ server listens on 8080 during development; override with DVLD_API_URL.
const apiTarget = process.env.DVLD_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'node',
    // Component tests (*.test.tsx) choose a DOM with a `// @vitest-environment happy-dom` line.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
