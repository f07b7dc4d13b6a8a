// Writes a zip archive from entries compressed as gzip members: a gzip member is deflate data with
// the CRC-32 and size a zip entry needs, so the platform's own compressor (CompressionStream, native
// code, beside the JavaScript) can compress an entry while it is being made. Every entry carries
// one fixed time, so that the same entries give the same bytes in every time zone.

/** A compressed entry: its deflate data, and the CRC-32 and size of what it unpacks to. */
interface Deflated {
  data: Uint8Array;
  crc: number;
  size: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 1980-01-01 12:00 in MS-DOS time and date, the zip format's own. */
const DOS_TIME = 12 << 11;
const DOS_DATE = (1 << 5) | 1;
const UTF8_NAME = 0x800;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

export class ZipWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly directory: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  /** Adds an entry whose data is a gzip member (see gzipPieces). */
  add(name: string, gzip: Uint8Array): void {
    const entry = fromGzip(name, gzip);
    const nameBytes = new TextEncoder().encode(name);
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAME;
    if (this.count === MAX_ENTRIES || this.offset + 30 + nameBytes.length + entry.data.length > MAX_32)
      throw new Error(`${name}: the package would need zip64, which qcode does not write.`);
    const local = header(30 + nameBytes.length, [
      [LOCAL, 4],
      [20, 2],
      [flags, 2],
      [DEFLATE, 2],
      [DOS_TIME, 2],
      [DOS_DATE, 2],
      [entry.crc, 4],
      [entry.data.length, 4],
      [entry.size, 4],
      [nameBytes.length, 2],
      [0, 2],
    ]);
    local.set(nameBytes, 30);
    const central = header(46 + nameBytes.length, [
      [CENTRAL, 4],
      [20, 2],
      [20, 2],
      [flags, 2],
      [DEFLATE, 2],
      [DOS_TIME, 2],
      [DOS_DATE, 2],
      [entry.crc, 4],
      [entry.data.length, 4],
      [entry.size, 4],
      [nameBytes.length, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 4],
      [this.offset, 4],
    ]);
    central.set(nameBytes, 46);
    this.parts.push(local, entry.data);
    this.directory.push(central);
    this.offset += local.length + entry.data.length;
    this.count++;
  }

  /** The archive: the entries, their directory and its end record. */
  finish(): Uint8Array {
    const size = this.directory.reduce((n, part) => n + part.length, 0);
    const end = header(22, [
      [END, 4],
      [0, 2],
      [0, 2],
      [this.count, 2],
      [this.count, 2],
      [size, 4],
      [this.offset, 4],
      [0, 2],
    ]);
    return concat([...this.parts, ...this.directory, end]);
  }
}

/** A record of little-endian fields of 2 or 4 bytes, `length` bytes long (room for a name after them). */
function header(length: number, fields: [number, 2 | 4][]): Uint8Array {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [value, size] of fields) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return bytes;
}

const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FHCRC = 2;

/** The deflate data, CRC-32 and size of a gzip member (RFC 1952). */
function fromGzip(name: string, gzip: Uint8Array): Deflated {
  const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
  if (gzip.length < 18 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== DEFLATE)
    throw new Error(`${name}: the compressor did not give a gzip member.`);
  const flags = gzip[3] as number;
  let at = 10;
  if (flags & FEXTRA) at += 2 + view.getUint16(at, true);
  if (flags & FNAME) at = gzip.indexOf(0, at) + 1;
  if (flags & FCOMMENT) at = gzip.indexOf(0, at) + 1;
  if (flags & FHCRC) at += 2;
  const end = gzip.length - 8;
  return { data: gzip.subarray(at, end), crc: view.getUint32(end, true), size: view.getUint32(end + 4, true) };
}

/**
 * Text given in pieces (say, a large XML document as it is written), as UTF-8 and compressed by the
 * platform's CompressionStream while the pieces are made; none of it is held whole but the result.
 */
export async function gzipPieces(pieces: Iterable<string>): Promise<Uint8Array> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const encoder = new TextEncoder();
  let size = 0;
  const write = async () => {
    try {
      for (const piece of pieces) {
        const bytes = encoder.encode(piece);
        size += bytes.length;
        await writer.write(bytes);
      }
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
      throw error;
    }
  };
  const chunks: Uint8Array[] = [];
  const read = async () => {
    const reader = stream.readable.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  };
  await Promise.all([write(), read()]);
  if (size > MAX_32) throw new Error(`An entry of ${size} bytes would need zip64, which qcode does not write.`);
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
