import { ENV_SHORTCUTS, envVarName } from './config-env-vars.js';
import { configJsonSchema } from './config-json-schema.js';

interface JsonNode {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, JsonNode>;
  readonly items?: JsonNode;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly format?: string;
}

/**
 * One leaf key of the configuration, as the reference table shows it.
 *
 * @example
 * // { key: 'shards', type: 'integer 1..65535', defaultValue: '64', env: 'MIROIR_SHARDS', description: '…' }
 */
export interface ConfigReferenceRow {
  readonly key: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly env: string;
  readonly description: string;
}

/**
 * Every leaf key of the configuration with its type, default, environment variable and description,
 * derived from the JSON Schema (so from the valibot schema's `description()` metadata).
 *
 * @example
 * configReferenceRows().find((row) => row.key === 'shards')?.defaultValue; // '64'
 */
export function configReferenceRows(): ConfigReferenceRow[] {
  const rows: ConfigReferenceRow[] = [];
  const visit = (node: JsonNode, path: string[], inList: boolean) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = [...path, key];
      const itemObject = child.type === 'array' && child.items?.type === 'object';
      if (child.type === 'object') {
        visit(child, childPath, inList);
        continue;
      }
      rows.push({
        key: childPath.join('.'),
        type: typeOf(child),
        defaultValue: child.default === undefined ? '—' : JSON.stringify(child.default),
        env: inList ? '(in the list)' : preferredEnvVar(childPath),
        description: child.description ?? '',
      });
      if (itemObject && child.items !== undefined)
        visit(child.items, [...childPath.slice(0, -1), `${key}[]`], true);
    }
  };
  visit(configJsonSchema() as JsonNode, [], false);
  return rows;
}

/**
 * The reference table as Markdown, as embedded in the package README between
 * `<!-- config-reference:start -->` and `<!-- config-reference:end -->`.
 *
 * @example
 * configReferenceMarkdown().startsWith('| key |'); // true
 */
export function configReferenceMarkdown(): string {
  const escapePipes = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '| key | type | default | env | description |',
    '| --- | --- | --- | --- | --- |',
    ...configReferenceRows().map(
      (row) =>
        `| \`${row.key}\` | ${escapePipes(row.type)} | ${row.defaultValue === '—' ? '—' : `\`${escapePipes(row.defaultValue)}\``} | ${row.env.startsWith('(') ? row.env : `\`${row.env}\``} | ${escapePipes(row.description)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function typeOf(node: JsonNode): string {
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.type === 'array')
    return node.items?.type === 'object' ? 'list of objects' : `${typeOf(node.items ?? {})}[]`;
  if (node.type === 'integer' || node.type === 'number') {
    const { minimum: min, maximum: max } = node;
    if (min !== undefined && max !== undefined) return `${node.type} ${min}..${max}`;
    if (min !== undefined) return `${node.type} ≥ ${min}`;
    return node.type;
  }
  if (node.type === 'string' && node.format === 'uri') return 'string (URL)';
  return node.type ?? 'any';
}

function preferredEnvVar(path: readonly string[]): string {
  const shortcut = Object.entries(ENV_SHORTCUTS).find(([, target]) => target.join('.') === path.join('.'));
  return shortcut?.[0] ?? envVarName(path);
}
