#!/usr/bin/env node
import { parseDevnodeArgs, USAGE } from './parse-devnode-args.js';
import { startDevnode } from './start-devnode.js';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseDevnodeArgs>;
  try {
    parsed = parseDevnodeArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const node = await startDevnode(parsed.options);
  process.stdout.write(
    `miroir-devnode ready on ${node.url} (auth ${parsed.options.masterKey ? 'on' : 'off'}, db ${parsed.options.dbPath ?? 'in-memory'})\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`miroir-devnode received ${signal}, shutting down\n`);
    node.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `miroir-devnode failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
