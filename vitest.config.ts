import { defineConfig } from 'vitest/config';

// Two projects: "unit" (shared, electron services, renderer logic: Node) and "e2e" (the real
// renderer in Chromium against browser mode). `npm test` runs both. Renderer hook tests that need a
// DOM say so in their first line (`// @vitest-environment happy-dom`); the rest of "unit" stays Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
