import { createSearchIndex } from '@miroir/devnode';
import { shardOf } from '@miroir/router';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  type CreateEngine,
  checkOracleCase,
  type OracleCase,
  type OracleEngine,
  oracleCaseArb,
} from '../test/oracle.js';
import { ORACLE_REGRESSIONS } from '../test/oracle-regressions.js';

const createEngine: CreateEngine = (init) => createSearchIndex(init) as unknown as OracleEngine;

const seed = Number(globalThis.process?.env.FC_SEED ?? 20261122);
const numRuns = Number(globalThis.process?.env.FC_NUM_RUNS ?? 3000);

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
