import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './index.js';

describe('startCluster (devnode processes)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, masterKey: 'cluster-key', faultInjection: true });
  }, 30_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const auth = { Authorization: 'Bearer cluster-key' };

  it('starts independent nodes on distinct ports', async () => {
    expect(new Set(cluster.urls).size).toBe(2);
    const versions = await Promise.all(cluster.urls.map((u) => fetch(`${u}/version`, { headers: auth })));
    expect(versions.map((r) => r.status)).toEqual([200, 200]);
  });

  it('kill(i, SIGKILL) takes one node down and restart(i) brings it back with its data', async () => {
    const url = cluster.urls[0]!;
    const res = await fetch(`${url}/indexes`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 'kept' }),
    });
    expect(res.status).toBe(202);
    await cluster.kill(0, 'SIGKILL');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect((await fetch(`${cluster.urls[1]}/health`)).status).toBe(200);
    await cluster.restart(0);
    for (let i = 0; i < 50; i++) {
      const task = (await (await fetch(`${url}/tasks/0`, { headers: auth })).json()) as { status: string };
      if (task.status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await fetch(`${url}/indexes/kept`, { headers: auth })).status).toBe(200);
  }, 30_000);

  it('drops connections when asked through /_devnode/faults', async () => {
    const url = cluster.urls[1]!;
    await fetch(`${url}/_devnode/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ dropConnections: true }),
    });
    await expect(fetch(`${url}/version`, { headers: auth })).rejects.toThrow();
    await fetch(`${url}/_devnode/faults`, { method: 'DELETE' });
    expect((await fetch(`${url}/version`, { headers: auth })).status).toBe(200);
  });
});

describe('startNode failures', () => {
  it('reports why a node could not start', async () => {
    const { startNode } = await import('./index.js');
    await expect(startNode({ args: ['--bogus-flag'] })).rejects.toThrow(
      /exited during start.*Unknown option `--bogus-flag`/s,
    );
  });
});
