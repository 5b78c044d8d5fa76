/**
 * Poll `GET {url}/health` until it answers 200 (or throw after `timeoutMs`).
 *
 * @example
 * ```ts
 * await waitForHealthy('http://127.0.0.1:7700', 10_000);
 * ```
 */
export async function waitForHealthy(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
      lastError = new Error(`status ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms: ${String(lastError)}`);
}
