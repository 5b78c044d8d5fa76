import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('types columns from the header and keeps untyped ones as strings', () => {
    expect(
      parseCsv('id,price:number,ok:boolean,name:string,raw\n1,9.5,true,Ann,007\n2,,,"B, ""b""",x\n'),
    ).toEqual([
      { id: '1', price: 9.5, ok: true, name: 'Ann', raw: '007' },
      { id: '2', price: null, ok: null, name: 'B, "b"', raw: 'x' },
    ]);
  });

  it('honours a custom delimiter and CRLF line ends', () => {
    expect(parseCsv('a;b:number\r\nx;1\r\n', ';')).toEqual([{ a: 'x', b: 1 }]);
  });

  it('rejects bad numbers and booleans with malformed_payload', () => {
    expect(() => parseCsv('n:number\nabc\n')).toThrow(expect.objectContaining({ code: 'malformed_payload' }));
    expect(() => parseCsv('b:boolean\nyes\n')).toThrow(
      expect.objectContaining({ code: 'malformed_payload' }),
    );
  });
});
