// Regenerates schema/miroir.config.schema.json from the valibot schema. Run after `pnpm build`:
//   node scripts/generate-json-schema.mjs          (write)
//   node scripts/generate-json-schema.mjs --check  (exit 1 if the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../dist/index.js';

const target = new URL('../schema/miroir.config.schema.json', import.meta.url);
const text = configJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('schema/miroir.config.schema.json is stale: run node scripts/generate-json-schema.mjs');
    process.exit(1);
  }
  console.log('schema/miroir.config.schema.json is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname} (${text.length} bytes)`);
}
