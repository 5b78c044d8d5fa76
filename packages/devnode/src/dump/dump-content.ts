import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EMULATED_MEILISEARCH_VERSION } from '../emulated-version.js';
import type { Document, IndexSettings } from '../engine/engine-contract.js';
import type { ApiKeyRecord } from '../state/api-key-store.js';
import type { IndexSnapshot } from '../state/index-snapshot.js';
import { createTar, readTar, type TarEntry } from './tar.js';

/** What a dump carries (and what an import restores). */
export interface DumpContent {
  keys: ApiKeyRecord[];
  tasks: Array<Record<string, unknown>>;
  indexes: IndexSnapshot[];
}

function jsonl(items: readonly unknown[]): Buffer {
  return Buffer.from(items.map((i) => `${JSON.stringify(i)}\n`).join(''));
}

function snakeKey(key: ApiKeyRecord): Record<string, unknown> {
  return {
    description: key.description,
    name: key.name,
    uid: key.uid,
    actions: key.actions,
    indexes: key.indexes,
    expires_at: key.expiresAt,
    created_at: key.createdAt,
    updated_at: key.updatedAt,
  };
}

/**
 * Serialise a dump in Meilisearch's v6 layout (`metadata.json`, `instance_uid.uuid`, `keys.jsonl`,
 * `tasks/queue.jsonl`, `indexes/<uid>/{metadata.json,settings.json,documents.jsonl}`) as tar.gz.
 *
 * @example
 * ```ts
 * const gz = encodeDump({ keys: [], tasks: [], indexes: [] });
 * ```
 */
export function encodeDump(content: DumpContent, now = new Date()): Buffer {
  const entries: TarEntry[] = [
    {
      path: 'metadata.json',
      content: Buffer.from(
        JSON.stringify({
          dumpVersion: 'V6',
          dbVersion: EMULATED_MEILISEARCH_VERSION,
          dumpDate: now.toISOString(),
        }),
      ),
    },
    { path: 'instance_uid.uuid', content: Buffer.from(randomUUID()) },
    { path: 'keys.jsonl', content: jsonl(content.keys.map(snakeKey)) },
    { path: 'tasks', content: Buffer.alloc(0), isDirectory: true },
    { path: 'tasks/update_files', content: Buffer.alloc(0), isDirectory: true },
    { path: 'tasks/queue.jsonl', content: jsonl(content.tasks) },
    { path: 'batches/queue.jsonl', content: Buffer.alloc(0) },
    { path: 'indexes', content: Buffer.alloc(0), isDirectory: true },
  ];
  for (const index of content.indexes) {
    const base = `indexes/${index.uid}`;
    entries.push(
      { path: base, content: Buffer.alloc(0), isDirectory: true },
      {
        path: `${base}/metadata.json`,
        content: Buffer.from(
          JSON.stringify({
            uid: index.uid,
            primaryKey: index.primaryKey,
            createdAt: index.createdAt,
            updatedAt: index.updatedAt,
          }),
        ),
      },
      { path: `${base}/settings.json`, content: Buffer.from(JSON.stringify(index.settings)) },
      { path: `${base}/documents.jsonl`, content: jsonl(index.documents) },
    );
  }
  return gzipSync(createTar(entries));
}

function parseJsonl(buf: Buffer | undefined): unknown[] {
  if (!buf) return [];
  return buf
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/**
 * Read a v6 `.dump` (tar.gz) back into indexes and keys. Tasks are not restored (see README).
 *
 * @example
 * ```ts
 * decodeDump(encodeDump({ keys: [], tasks: [], indexes: [] })).indexes; // []
 * ```
 */
export function decodeDump(gz: Buffer): DumpContent {
  const files = new Map(readTar(gunzipSync(gz)).map((e) => [e.path, e.content]));
  const meta = JSON.parse(files.get('metadata.json')?.toString('utf8') ?? '{}') as { dumpVersion?: string };
  if (meta.dumpVersion !== 'V6') throw new Error(`Unsupported dump version ${String(meta.dumpVersion)}`);
  const keys = parseJsonl(files.get('keys.jsonl')).map((raw) => {
    const k = raw as Record<string, unknown>;
    return {
      uid: String(k.uid),
      name: (k.name as string | null) ?? null,
      description: (k.description as string | null) ?? null,
      actions: k.actions as string[],
      indexes: k.indexes as string[],
      expiresAt: (k.expires_at as string | null) ?? null,
      createdAt: String(k.created_at),
      updatedAt: String(k.updated_at),
    } satisfies ApiKeyRecord;
  });
  const indexes: DumpContent['indexes'] = [];
  for (const [path, buf] of files) {
    const match = /^indexes\/([^/]+)\/metadata\.json$/.exec(path);
    if (!match) continue;
    const dir = `indexes/${match[1]}`;
    const m = JSON.parse(buf.toString('utf8')) as {
      uid: string;
      primaryKey: string | null;
      createdAt: string;
      updatedAt: string;
    };
    indexes.push({
      uid: m.uid,
      primaryKey: m.primaryKey ?? null,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      settings: JSON.parse(files.get(`${dir}/settings.json`)?.toString('utf8') ?? '{}') as IndexSettings,
      documents: parseJsonl(files.get(`${dir}/documents.jsonl`)) as Document[],
    });
  }
  return { keys, tasks: [], indexes };
}
