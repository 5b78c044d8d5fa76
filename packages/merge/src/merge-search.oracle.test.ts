import { shardOf } from '@miroir/router';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type CreateEngine, checkOracleCase, type OracleCase, oracleCaseArb } from '../test/oracle.js';
import { ORACLE_REGRESSIONS } from '../test/oracle-regressions.js';

const devnode = (await import('@miroir/devnode')) as Record<string, unknown>;
// Until @miroir/devnode's entry point re-exports its engine, load the engine module from its build.
const enginePath = new URL('../../devnode/dist/engine/index.js', import.meta.url).href;
const createEngine = (devnode.createSearchIndex ??
  ((await import(/* @vite-ignore */ enginePath)) as Record<string, unknown>)
    .createSearchIndex) as CreateEngine;

const seed = Number(globalThis.process?.env.FC_SEED ?? 20261122);
const numRuns = Number(globalThis.process?.env.FC_NUM_RUNS ?? 5000);

describe('mergeSearch oracle: N devnodes merged === one devnode', () => {
  it(`holds for ${numRuns} generated cases (FC_SEED=${seed})`, () => {
    fc.assert(
      fc.property(oracleCaseArb, (c: OracleCase) => checkOracleCase(c, createEngine, shardOf)),
      { seed, numRuns, endOnFailure: false },
    );
  }, 600_000);

  it.each(ORACLE_REGRESSIONS)('regression: $name', ({ case: c }) => {
    checkOracleCase(c, createEngine, shardOf);
  });
});
