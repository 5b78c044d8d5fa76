/** One file in a tar archive. */
export interface TarEntry {
  path: string;
  content: Buffer;
  /** Directories are written as `type 5` entries with no content. */
  isDirectory?: boolean;
}

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, length, 'utf8');
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/**
 * Build an uncompressed POSIX ustar archive (paths up to 100 bytes, or 255 using the prefix field).
 *
 * @example
 * ```ts
 * const tar = createTar([{ path: 'metadata.json', content: Buffer.from('{}') }]);
 * ```
 */
export function createTar(entries: readonly TarEntry[]): Buffer {
  const chunks: Buffer[] = [];
  for (const entry of entries) {
    const header = Buffer.alloc(512);
    let name = entry.isDirectory && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf('/', name.length - 2);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    const size = entry.isDirectory ? 0 : entry.content.length;
    field(header, 0, 100, name);
    field(header, 100, 8, octal(entry.isDirectory ? 0o755 : 0o644, 8));
    field(header, 108, 8, octal(0, 8));
    field(header, 116, 8, octal(0, 8));
    field(header, 124, 12, octal(size, 12));
    field(header, 136, 12, octal(Math.floor(Date.now() / 1000), 12));
    field(header, 148, 8, '        ');
    field(header, 156, 1, entry.isDirectory ? '5' : '0');
    field(header, 257, 6, 'ustar\0');
    field(header, 263, 2, '00');
    field(header, 345, 155, prefix);
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    chunks.push(header);
    if (size > 0) {
      chunks.push(entry.content);
      const pad = (512 - (size % 512)) % 512;
      if (pad > 0) chunks.push(Buffer.alloc(pad));
    }
  }
  chunks.push(Buffer.alloc(1024));
  return Buffer.concat(chunks);
}

/**
 * Read the regular files of a ustar (or GNU/pax-compatible plain) tar archive.
 *
 * @example
 * ```ts
 * readTar(createTar([{ path: 'a', content: Buffer.from('x') }]))[0]?.path; // 'a'
 * ```
 */
export function readTar(archive: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const str = (start: number, len: number) => {
      const raw = header.subarray(start, start + len);
      const end = raw.indexOf(0);
      return raw.subarray(0, end === -1 ? len : end).toString('utf8');
    };
    const size = Number.parseInt(str(124, 12).trim() || '0', 8);
    const type = str(156, 1);
    const prefix = str(345, 155);
    let path = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
    const content = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = content.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (longName !== null) {
      path = longName;
      longName = null;
    }
    if (type === '0' || type === '' || type === '\0') {
      out.push({ path: path.replace(/^\.\//, ''), content: Buffer.from(content) });
    }
  }
  return out;
}
