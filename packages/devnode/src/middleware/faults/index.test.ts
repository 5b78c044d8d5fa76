import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createDevnodeApp } from '../../app.js';
import { createDevnodeState } from '../../state/devnode-state.js';
import type { DevnodeEnv } from '../auth/index.js';
import { FaultController } from './fault-controller.js';
import { injectFaults } from './index.js';

function appWith(faults: FaultController) {
  const app = new Hono<DevnodeEnv>();
  app.use('*', injectFaults(faults));
  app.get('/x', (c) => c.text('ok'));
  app.get('/y/z', (c) => c.text('ok'));
  app.get('/_devnode/faults', (c) => c.text('control'));
  app.onError((err, c) => c.text(err.message, 500));
  return app;
}

describe('injectFaults', () => {
  it('fails the configured share of requests, using the injected random source', async () => {
    const faults = new FaultController();
    const draws = [0.1, 0.9, 0.2, 0.8];
    faults.random = () => draws.shift() ?? 1;
    faults.set({ errorRate: 0.5 });
    const app = appWith(faults);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/x')).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it('limits faults to a path prefix when one is set', async () => {
    const faults = new FaultController();
    faults.set({ errorRate: 1, pathPrefix: '/y' });
    faults.random = () => 0;
    const app = appWith(faults);
    expect((await app.request('/x')).status).toBe(200);
    expect((await app.request('/y/z')).status).toBe(500);
  });

  it('never touches the /_devnode control routes', async () => {
    const faults = new FaultController();
    faults.set({ errorRate: 1, hang: true });
    const res = await appWith(faults).request('/_devnode/faults');
    expect(await res.text()).toBe('control');
  });

  it('without a socket (in-process), a dropped connection surfaces as an error', async () => {
    const faults = new FaultController();
    faults.set({ dropConnections: true });
    const res = await appWith(faults).request('/x');
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('connection dropped');
  });

  it('setting hang to false releases waiting requests', async () => {
    const faults = new FaultController();
    faults.set({ hang: true });
    const pending = appWith(faults).request('/x');
    await new Promise((r) => setTimeout(r, 20));
    faults.set({ hang: false });
    expect((await pending).status).toBe(200);
  });

  it('the control API applies the known fields, ignores others and reports the config', async () => {
    const state = createDevnodeState();
    const app = createDevnodeApp({
      state,
      payloadSizeLimit: 1000,
      faults: new FaultController(),
      pkgVersion: '1.37.0',
    });
    const res = await app.request('/_devnode/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5, bogus: true }),
    });
    expect(await res.json()).toEqual({
      latencyMs: 5,
      errorRate: 0,
      hang: false,
      dropConnections: false,
      pathPrefix: null,
    });
    state.close();
  });
});
