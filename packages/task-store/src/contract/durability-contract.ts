import type { CreateContractStore } from './contract-harness.js';

/** Placeholder. */
export function defineDurabilityContract(_create: CreateContractStore, _test: (name: string, fn: () => Promise<void>) => void): void {}
