// Rewrites the configuration reference table in README.md (between the config-reference markers) from
// the schema. Run after `pnpm build`: node scripts/generate-config-reference.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { configReferenceMarkdown } from '../dist/index.js';

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';
const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md needs ${START} and ${END} markers`);
  process.exit(1);
}
const next = `${text.slice(0, start + START.length)}\n${configReferenceMarkdown()}${text.slice(end)}`;
writeFileSync(readme, next);
console.log(`updated ${readme.pathname}`);
