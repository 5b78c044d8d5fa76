import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** A Redis server a test can use, and how to stop it. */
export interface TestRedis {
  url: string;
  /** Where the server came from: `REDIS_URL`, a testcontainers container or a spawned `redis-server`. */
  source: 'env' | 'testcontainers' | 'redis-server';
  stop(): Promise<void>;
}

/**
 * Provides a real Redis for tests: `REDIS_URL` when set, else a testcontainers container when a
 * Docker engine answers, else a `redis-server` spawned on a free port with persistence off
 * (binary from `REDIS_SERVER_BIN` or `PATH`). Fails loudly when none is available; never skips.
 *
 * @example
 * const redis = await startRedisForTests();
 * const store = await createRedisTaskStore({ url: redis.url, keyPrefix: 'my-test:' });
 * // …
 * await store.close();
 * await redis.stop();
 */
export async function startRedisForTests(env: NodeJS.ProcessEnv = process.env): Promise<TestRedis> {
  if (env.REDIS_URL) return { url: env.REDIS_URL, source: 'env', stop: async () => {} };
  const fromDocker = await tryTestcontainers(env);
  if (fromDocker !== undefined) return fromDocker;
  const bin = env.REDIS_SERVER_BIN ?? findOnPath('redis-server', env.PATH ?? '');
  if (bin === undefined) {
    throw new Error(
      'No Redis for the task-store tests: set REDIS_URL=redis://host:port, start a Docker engine, or install ' +
        'redis-server (Debian/Ubuntu: `apt-get install -y redis-server`; macOS: `brew install redis`). CI installs it in .ci/run.',
    );
  }
  return spawnRedisServer(bin);
}

async function spawnRedisServer(bin: string): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process ends without calling stop(), do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitForPong(port, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    source: 'redis-server',
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForPong(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited with code ${child.exitCode}: ${stderr()}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s: ${stderr()}`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function findOnPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Uses testcontainers only when a Docker engine answers `/_ping`; otherwise returns undefined quietly. */
async function tryTestcontainers(env: NodeJS.ProcessEnv): Promise<TestRedis | undefined> {
  if (!(await isDockerAnswering(env))) return undefined;
  try {
    const { GenericContainer } = await import('testcontainers');
    const container = await new GenericContainer('redis:7-alpine')
      .withExposedPorts(6379)
      .withCommand(['redis-server', '--save', '', '--appendonly', 'no'])
      .start();
    return {
      url: `redis://${container.getHost()}:${container.getMappedPort(6379)}`,
      source: 'testcontainers',
      async stop() {
        await container.stop();
      },
    };
  } catch {
    return undefined;
  }
}

function isDockerAnswering(env: NodeJS.ProcessEnv): Promise<boolean> {
  const host = env.DOCKER_HOST;
  let target: { socketPath: string } | { host: string; port: number };
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace('tcp://', 'http://'));
    target = { host: url.hostname, port: Number(url.port || 2375) };
  } else {
    const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
    if (!existsSync(socketPath)) return Promise.resolve(false);
    target = { socketPath };
  }
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
