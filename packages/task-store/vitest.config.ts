import { defineConfig } from 'vitest/config';

// Property and oracle tests run thousands of generated cases; on a loaded 2-core CI machine one test can
// exceed vitest's default 5 s without anything being wrong with the code under test.
export default defineConfig({
  test: {
    testTimeout: 60_000,
  },
});
