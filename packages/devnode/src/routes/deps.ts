import type { FaultController } from '../middleware/faults/fault-controller.js';
import type { DevnodeState } from '../state/devnode-state.js';

/** What the HTTP app needs; `createDevnodeApp(deps)` never listens. */
export interface DevnodeDeps {
  state: DevnodeState;
  /** Max body size in bytes (`--http-payload-size-limit`, default 100 MB). */
  payloadSizeLimit: number;
  /** Present only with `--enable-fault-injection`. */
  faults: FaultController | null;
  /** Reported by `GET /version`. */
  pkgVersion: string;
}
