import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { DevnodeEnv } from './middleware/auth/index.js';

/** A listening HTTP server. */
export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serve `app` on `host:port` (port 0 picks a free one). The only file importing `@hono/node-server`.
 *
 * @example
 * ```ts
 * const server = await listen(app, '127.0.0.1', 0);
 * await server.close();
 * ```
 */
export function listen(app: Hono<DevnodeEnv>, host: string, port: number): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            const http = server as Server;
            http.close(() => done());
            http.closeAllConnections?.();
          }),
      });
    });
    (server as Server).once('error', reject);
    // Large document batches take a while to upload; keep Node's defaults from cutting them.
    (server as Server).requestTimeout = 0;
    // Task processing is synchronous and can block the loop for a while; a short keep-alive timeout then
    // closes idle sockets just as clients reuse them (ECONNRESET). Outlast common client pools instead.
    (server as Server).keepAliveTimeout = 65_000;
    (server as Server).headersTimeout = 66_000;
  });
}
