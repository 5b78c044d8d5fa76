import type { Document, IndexSettings } from '../engine/engine-contract.js';

/** One index as snapshots and dumps store it: identity, settings and every document. */
export interface IndexSnapshot {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: IndexSettings;
  documents: Document[];
}
