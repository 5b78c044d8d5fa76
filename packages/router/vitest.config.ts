import { defineConfig } from 'vitest/config';

// Property tests build hundreds of topologies; on a loaded 2-core machine a single one can take more than
// vitest's default 5 s, which is not a failure of the code under test.
export default defineConfig({
  test: {
    testTimeout: 60_000,
  },
});
