import { describe, it } from 'vitest';
import type { ContractSkip, CreateContractStore } from './contract/contract-harness.js';
import { defineCoordinationContract } from './contract/coordination-contract.js';
import { defineDurabilityContract } from './contract/durability-contract.js';
import { defineRecordContract } from './contract/record-contract.js';
import { defineTaskContract } from './contract/tasks-contract.js';

export type { ContractSkip, ContractStore, CreateContractStore } from './contract/contract-harness.js';

/**
 * The one behaviour suite every `TaskStore` adapter must pass. Each adapter's test calls it with a
 * factory that opens a store on fresh storage; a skipped test must say why.
 *
 * @example
 * runTaskStoreContract('sqlite', createContractSqliteStore, { skip: [] });
 */
export function runTaskStoreContract(
  name: string,
  createStore: CreateContractStore,
  options: { skip?: ContractSkip[] } = {},
): void {
  const skips = new Map((options.skip ?? []).map((s) => [s.test, s.reason]));
  for (const [test, reason] of skips) {
    if (reason.trim() === '') throw new Error(`skip of "${test}" needs a reason`);
  }
  const test = (title: string, fn: () => Promise<void>) => {
    const reason = skips.get(title);
    if (reason !== undefined) it.skip(`${title} (skipped: ${reason})`, fn);
    else it(title, fn, 60_000);
  };
  describe(`TaskStore contract: ${name}`, () => {
    defineTaskContract(createStore, test);
    defineRecordContract(createStore, test);
    defineCoordinationContract(createStore, test);
    defineDurabilityContract(createStore, test);
  });
}
