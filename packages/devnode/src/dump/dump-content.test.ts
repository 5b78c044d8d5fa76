import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../engine/index.js';
import { decodeDump, encodeDump } from './dump-content.js';
import { createTar, readTar } from './tar.js';

describe('tar', () => {
  it('round-trips files, including long paths and binary content', () => {
    const long = `indexes/${'x'.repeat(120)}/documents.jsonl`;
    const entries = [
      { path: 'metadata.json', content: Buffer.from('{"a":1}') },
      { path: long, content: Buffer.from([0, 1, 2, 255]) },
      { path: 'empty.txt', content: Buffer.alloc(0) },
      { path: 'big.bin', content: Buffer.alloc(5000, 7) },
    ];
    const archive = createTar(entries);
    expect(archive.length % 512).toBe(0);
    expect(readTar(archive)).toEqual(entries);
  });

  it('writes ustar headers with a valid checksum', () => {
    const header = createTar([{ path: 'a.txt', content: Buffer.from('hi') }]).subarray(0, 512);
    expect(header.subarray(257, 262).toString()).toBe('ustar');
    const stored = Number.parseInt(header.subarray(148, 154).toString(), 8);
    const copy = Buffer.from(header);
    copy.fill(' ', 148, 156);
    expect(copy.reduce((sum, b) => sum + b, 0)).toBe(stored);
  });
});

describe('dump content', () => {
  it('encodes the v6 layout and decodes it back', () => {
    const settings = { ...defaultSettings(), filterableAttributes: ['genre'] };
    const gz = encodeDump({
      keys: [
        {
          uid: '01b4bc42-eb33-4041-b481-254d00cce834',
          name: 'k',
          description: null,
          actions: ['search'],
          indexes: ['*'],
          expiresAt: null,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      ],
      tasks: [{ uid: 0 }],
      indexes: [
        {
          uid: 'movies',
          primaryKey: 'id',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-02T00:00:00Z',
          settings,
          documents: [{ id: 1, genre: 'a' }, { id: 2 }],
        },
      ],
    });
    const paths = readTar(gunzipSync(gz)).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'metadata.json',
        'instance_uid.uuid',
        'keys.jsonl',
        'tasks/queue.jsonl',
        'indexes/movies/metadata.json',
        'indexes/movies/settings.json',
        'indexes/movies/documents.jsonl',
      ]),
    );
    const decoded = decodeDump(gz);
    expect(decoded.indexes).toEqual([
      {
        uid: 'movies',
        primaryKey: 'id',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
        settings,
        documents: [{ id: 1, genre: 'a' }, { id: 2 }],
      },
    ]);
    expect(decoded.keys[0]).toMatchObject({
      uid: '01b4bc42-eb33-4041-b481-254d00cce834',
      actions: ['search'],
    });
  });

  it('refuses a dump that is not v6', () => {
    const gz = encodeDump({ keys: [], tasks: [], indexes: [] });
    const files = readTar(gunzipSync(gz)).map((e) =>
      e.path === 'metadata.json' ? { ...e, content: Buffer.from('{"dumpVersion":"V5"}') } : e,
    );
    expect(() => decodeDump(gzipSync(createTar(files)))).toThrow(/Unsupported dump version V5/);
  });
});
