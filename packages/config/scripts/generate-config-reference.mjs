// Rewrites the generated parts of README.md from the sources of truth. Run after `pnpm build`:
//   node scripts/generate-config-reference.mjs
// - between the config-reference markers: the reference table generated from the schema;
// - between the example markers: examples/miroir.example.yaml, verbatim.
import { readFileSync, writeFileSync } from 'node:fs';
import { configReferenceMarkdown } from '../dist/index.js';

const readme = new URL('../README.md', import.meta.url);
const example = readFileSync(new URL('../examples/miroir.example.yaml', import.meta.url), 'utf8');

function replaceBetween(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`README.md needs ${start} and ${end} markers`);
    process.exit(1);
  }
  return `${text.slice(0, from + start.length)}\n${content}${text.slice(to)}`;
}

let text = readFileSync(readme, 'utf8');
text = replaceBetween(text, 'config-reference', configReferenceMarkdown());
text = replaceBetween(text, 'example', `\`\`\`yaml\n${example}\`\`\`\n`);
writeFileSync(readme, text);
console.log(`updated ${readme.pathname}`);
