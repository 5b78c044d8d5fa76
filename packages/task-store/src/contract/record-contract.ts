import type { CreateContractStore } from './contract-harness.js';

/** Placeholder. */
export function defineRecordContract(_create: CreateContractStore, _test: (name: string, fn: () => Promise<void>) => void): void {}
