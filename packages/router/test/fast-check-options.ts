// Every property test is seeded (reproducible) and its run count can be raised with FC_NUM_RUNS.
export function fastCheckOptions(defaultRuns: number): { seed: number; numRuns: number } {
  return {
    seed: Number(process.env.FC_SEED ?? 20261122),
    numRuns: Number(process.env.FC_NUM_RUNS ?? defaultRuns),
  };
}
