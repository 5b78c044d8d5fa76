import { describe, expect, it } from 'vitest';
import { parseByteSize, parseDevnodeArgs } from './parse-devnode-args.js';

describe('parseDevnodeArgs', () => {
  it('parses Meilisearch flags', () => {
    const parsed = parseDevnodeArgs(
      [
        '--http-addr',
        '0.0.0.0:7701',
        '--master-key=K',
        '--db-path',
        '/d',
        '--no-analytics',
        '--enable-fault-injection',
      ],
      {},
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      options: {
        host: '0.0.0.0',
        port: 7701,
        masterKey: 'K',
        dbPath: '/d',
        faultInjection: true,
        payloadSizeLimit: 100_000_000,
      },
    });
  });

  it('reads MEILI_* environment variables, flags winning', () => {
    const env = {
      MEILI_HTTP_ADDR: '127.0.0.1:9000',
      MEILI_MASTER_KEY: 'E',
      MEILI_HTTP_PAYLOAD_SIZE_LIMIT: '1 MiB',
    };
    expect(parseDevnodeArgs([], env)).toMatchObject({
      options: { port: 9000, masterKey: 'E', payloadSizeLimit: 1_048_576 },
    });
    expect(parseDevnodeArgs(['--master-key', 'F'], env)).toMatchObject({ options: { masterKey: 'F' } });
  });

  it('asks for help and rejects unknown flags and weak production keys', () => {
    expect(parseDevnodeArgs(['--help'], {})).toEqual({ kind: 'help' });
    expect(() => parseDevnodeArgs(['--nope'], {})).toThrow(/Unknown option/);
    expect(() => parseDevnodeArgs(['--env', 'production', '--master-key', 'short'], {})).toThrow(/16 bytes/);
  });

  it('parses byte sizes', () => {
    expect(parseByteSize('100 MB')).toBe(100_000_000);
    expect(parseByteSize('2kb')).toBe(2000);
    expect(parseByteSize('1GiB')).toBe(1024 ** 3);
    expect(parseByteSize('512')).toBe(512);
    expect(() => parseByteSize('lots')).toThrow();
  });
});
