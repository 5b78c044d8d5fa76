/** Where the conformance suite runs: a base URL and its master key. */
export interface ConformanceTarget {
  baseUrl: string;
  masterKey: string;
}

/** A decoded HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test-side JSON access stays terse
  body: any;
}

/** Request options: a JSON `body` (or raw `raw` text), headers, and which key to send. */
export interface RequestOptions {
  body?: unknown;
  raw?: string;
  contentType?: string | null;
  /** `undefined` → master key, `null` → no Authorization header, string → that key. */
  key?: string | null;
  query?: Record<string, string>;
}

/**
 * A tiny fetch client for conformance tests against any Meilisearch-compatible base URL.
 *
 * @example
 * ```ts
 * const client = createConformanceClient(() => ({ baseUrl, masterKey }));
 * const { status, body } = await client.request('GET', '/health');
 * ```
 */
export function createConformanceClient(getTarget: () => ConformanceTarget) {
  async function request(method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const target = getTarget();
    const headers: Record<string, string> = {};
    const key = options.key === undefined ? target.masterKey : options.key;
    if (key !== null) headers.Authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    const contentType =
      options.contentType === undefined
        ? body !== undefined
          ? 'application/json'
          : null
        : options.contentType;
    if (contentType !== null) headers['Content-Type'] = contentType;
    const qs = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    // A string body makes fetch add `text/plain`; bytes let the test send no Content-Type at all.
    const payload =
      body === undefined ? {} : { body: contentType === null ? new TextEncoder().encode(body) : body };
    const res = await fetch(`${target.baseUrl}${path}${qs}`, { method, headers, ...payload });
    const text = await res.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** Poll a task until it is finished; returns the task. */
  async function waitTask(taskUid: number, timeoutMs = 10_000): Promise<HttpAnswer['body']> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { body } = await request('GET', `/tasks/${taskUid}`);
      if (body && body.status !== 'enqueued' && body.status !== 'processing') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`task ${taskUid} not finished after ${timeoutMs} ms`);
  }

  /** Send a write and wait for its task. */
  async function write(method: string, path: string, options: RequestOptions = {}) {
    const res = await request(method, path, options);
    if (res.status !== 202 && res.status !== 200) {
      throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    return waitTask(res.body.taskUid as number);
  }

  return { request, waitTask, write };
}

/** The client type. */
export type ConformanceClient = ReturnType<typeof createConformanceClient>;

/**
 * A unique index uid for this run (suites may run against a long-lived Meilisearch).
 *
 * @example
 * ```ts
 * uniqueUid('movies'); // 'movies_k3j2h1'
 * ```
 */
export function uniqueUid(base: string): string {
  return `${base}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
