import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Site builds and browser tests are heavy on a 2-core machine: run files in two forks at most.
    pool: 'forks',
    maxWorkers: 2,
  },
});
