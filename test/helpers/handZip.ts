import { deflateSync, strToU8 } from 'fflate';

/** An entry of a zip built by hand: what it holds, and optionally the size it claims to unpack to. */
export interface HandEntry {
  name: string;
  /** The bytes the entry unpacks to (deflated), or `raw` deflate data as is. */
  data?: Uint8Array | string;
  raw?: Uint8Array;
  /** What the directory says it unpacks to; by default the true size. */
  declaredSize?: number;
}

/**
 * A zip archive written byte by byte, so that a test can make it lie: sizes that are not true,
 * names such as `../x` or `C:\x`, deflate data that is not deflate data. CRCs are left 0; qcode
 * does not read them.
 */
export function handZip(entries: readonly HandEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const plain = typeof entry.data === 'string' ? strToU8(entry.data) : (entry.data ?? new Uint8Array());
    const body = entry.raw ?? deflateSync(plain);
    const declared = entry.declaredSize ?? plain.length;
    const local = header(30, name, [
      [0, 0x04034b50, 4],
      [4, 20, 2],
      [6, 0x800, 2],
      [8, 8, 2],
      [18, body.length, 4],
      [22, declared, 4],
      [26, name.length, 2],
    ]);
    centrals.push(
      header(46, name, [
        [0, 0x02014b50, 4],
        [4, 20, 2],
        [6, 20, 2],
        [8, 0x800, 2],
        [10, 8, 2],
        [20, body.length, 4],
        [24, declared, 4],
        [28, name.length, 2],
        [42, offset, 4],
      ]),
    );
    locals.push(local, body);
    offset += local.length + body.length;
  }
  const directory = concat(centrals);
  const end = header(22, new Uint8Array(), [
    [0, 0x06054b50, 4],
    [8, entries.length, 2],
    [10, entries.length, 2],
    [12, directory.length, 4],
    [16, offset, 4],
  ]);
  return concat([...locals, directory, end]);
}

function header(size: number, name: Uint8Array, fields: [at: number, value: number, bytes: 2 | 4][]): Uint8Array {
  const bytes = new Uint8Array(size + name.length);
  const view = new DataView(bytes.buffer);
  for (const [at, value, length] of fields) {
    if (length === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
  }
  bytes.set(name, size);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
