import type { Socket } from 'node:net';
import { meiliError } from '@miroir/errors';
import type { MiddlewareHandler } from 'hono';
import type { DevnodeEnv } from '../auth/index.js';
import type { FaultController } from './fault-controller.js';

/**
 * Apply the configured faults (latency, random 500s, hangs, dropped connections) to every request
 * except the `/_devnode/*` control routes. Only mounted with `--enable-fault-injection`.
 *
 * @example
 * ```ts
 * app.use('*', injectFaults(new FaultController()));
 * ```
 */
export function injectFaults(faults: FaultController): MiddlewareHandler<DevnodeEnv> {
  return async function injectFaults(c, next) {
    if (c.req.path.startsWith('/_devnode/')) return next();
    const config = faults.config;
    if (config.pathPrefix !== null && !c.req.path.startsWith(config.pathPrefix)) return next();
    if (config.dropConnections) {
      const incoming = (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming;
      if (incoming?.socket) {
        incoming.socket.destroy();
        return c.body(null, 500);
      }
      throw meiliError('internal', '[devnode] injected fault: connection dropped');
    }
    if (config.hang) await faults.waitUntilReleased();
    if (config.latencyMs > 0) await new Promise((r) => setTimeout(r, config.latencyMs));
    if (config.errorRate > 0 && faults.random() < config.errorRate) {
      throw meiliError('internal', '[devnode] injected fault: random error');
    }
    return next();
  };
}
