import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';

/**
 * Parses configuration YAML text into a plain value (snake_case, not yet validated). Duplicate keys are
 * errors. Pure: reading the file is the caller's job.
 *
 * @throws ConfigError whose issues carry `source:line:column` for each YAML syntax error.
 * @example
 * parseConfigYaml('shards: 8\n'); // { shards: 8 }
 */
export function parseConfigYaml(text: string, source = 'config'): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        const at = position === undefined ? source : `${source}:${position.line}:${position.col}`;
        return { path: '', message: `YAML error at ${at}: ${error.message.split('\n')[0]}` };
      }),
    );
  }
  return document.toJS() as unknown;
}
