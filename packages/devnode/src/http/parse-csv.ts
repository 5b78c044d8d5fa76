import { meiliError } from '@miroir/errors';
import type { Document } from '../engine/engine-contract.js';

/** Split CSV text into rows of fields (RFC 4180 quoting, `delimiter` one character). */
function splitRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldValue = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          fieldValue += '"';
          i++;
        } else inQuotes = false;
      } else fieldValue += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      row.push(fieldValue);
      fieldValue = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(fieldValue);
      rows.push(row);
      row = [];
      fieldValue = '';
    } else fieldValue += ch;
  }
  if (fieldValue !== '' || row.length > 0) {
    row.push(fieldValue);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Parse a CSV payload the way Meilisearch does: the header names the fields, optionally typed
 * (`price:number`, `available:boolean`, `name:string`); empty typed cells become `null`.
 *
 * @example
 * ```ts
 * parseCsv('id,price:number\n1,9.5\n', ','); // [{ id: '1', price: 9.5 }]
 * ```
 */
export function parseCsv(text: string, delimiter = ','): Document[] {
  const rows = splitRows(text, delimiter);
  const header = rows.shift();
  if (!header) return [];
  const columns = header.map((raw) => {
    const idx = raw.lastIndexOf(':');
    const type = idx === -1 ? 'string' : raw.slice(idx + 1);
    if (idx !== -1 && (type === 'string' || type === 'number' || type === 'boolean')) {
      return { name: raw.slice(0, idx), type };
    }
    return { name: raw, type: 'string' };
  });
  return rows.map((cells, line) => {
    const doc: Document = {};
    columns.forEach((col, i) => {
      const cell = cells[i] ?? '';
      if (col.type === 'number') {
        if (cell.trim() === '') doc[col.name] = null;
        else {
          const n = Number(cell.trim());
          if (Number.isNaN(n)) {
            throw meiliError(
              'malformed_payload',
              `The \`csv\` payload provided is malformed: \`Error parsing number ${JSON.stringify(cell)} at line ${line + 2}: invalid float literal\`.`,
            );
          }
          doc[col.name] = n;
        }
      } else if (col.type === 'boolean') {
        const v = cell.trim();
        if (v === '') doc[col.name] = null;
        else if (v === 'true' || v === 'false') doc[col.name] = v === 'true';
        else {
          throw meiliError(
            'malformed_payload',
            `The \`csv\` payload provided is malformed: \`Error parsing boolean ${JSON.stringify(cell)} at line ${line + 2}: provided string was not \`true\` or \`false\`\`.`,
          );
        }
      } else doc[col.name] = cell;
    });
    return doc;
  });
}
