import { Inflate } from 'fflate';

// Reads a zip archive without trusting it: the central directory is read first, nothing is
// unpacked until asked for, each entry's declared size is checked against the limits before it is
// inflated, and inflating stops as soon as an entry gives more than it declared (a zip bomb can
// declare anything). Entry names are only ever looked up, never used as paths to write to.

/** How much an archive may unpack to: per entry and in all. */
export interface UnpackLimits {
  entryBytes: number;
  totalBytes: number;
}

const MB = 1024 * 1024;

/**
 * Well above the largest benchmark project (a 157 MB project.qde with 120 MB of transcripts), well below what exhausts
 * memory.
 */
export const UNPACK_LIMITS: UnpackLimits = { entryBytes: 512 * MB, totalBytes: 1024 * MB };

/** An archive that cannot be read as a zip. */
export class DamagedZipError extends Error {}

/** An entry, or the entries asked for together, that would unpack to more than the limits allow. */
export class TooLargeError extends Error {}

/**
 * Inflates raw deflate data, stopping once it gives more than `atMost` bytes: what it gave, or
 * 'too large'. Throws when the data is not deflate data. The platform may bring a faster one than
 * inflateInJs (the command line brings Node's zlib).
 */
export type Inflater = (data: Uint8Array, atMost: number) => Uint8Array | 'too large';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  headerOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ALL_ONES = 0xffffffff;
/**
 * Compressed bytes pushed at a time: deflate expands 1:1032 at most, so one push adds at most ~16 MB beyond a limit.
 */
const CHUNK = 16 * 1024;

export class ZipArchive {
  readonly entries: ZipEntry[];
  private unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: UnpackLimits = UNPACK_LIMITS,
    private readonly inflate: Inflater = inflateInJs,
  ) {
    this.entries = centralDirectory(bytes);
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /**
   * Refuses, before anything is inflated, entries that declare more than the limits allow, alone or together with what
   * was unpacked already.
   */
  checkSizes(entries: readonly ZipEntry[]): void {
    for (const entry of entries) {
      if (entry.declaredSize > this.limits.entryBytes)
        throw new TooLargeError(
          `${entry.name} is too large (${sizeText(entry.declaredSize)} unpacked, limit ${sizeText(this.limits.entryBytes)})`,
        );
    }
    const total = entries.reduce((n, e) => n + e.declaredSize, this.unpacked);
    if (total > this.limits.totalBytes)
      throw new TooLargeError(
        `its entries are too large together (${sizeText(total)} unpacked, limit ${sizeText(this.limits.totalBytes)})`,
      );
  }

  /** The bytes of an entry, never more than it declares (and the limits allow). */
  read(entry: ZipEntry): Uint8Array {
    this.checkSizes([entry]);
    if (entry.encrypted) throw new DamagedZipError(`${entry.name} is encrypted`);
    const start = dataStart(this.bytes, entry);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new DamagedZipError(`${entry.name} ends early`);
    if (entry.method === 0 && entry.compressedSize !== entry.declaredSize)
      throw new DamagedZipError(
        `${entry.name} is stored with ${entry.compressedSize} bytes but declares ${entry.declaredSize}`,
      );
    const unpacked =
      entry.method === 0 ? data.slice() : entry.method === 8 ? this.inflateEntry(data, entry) : undefined;
    if (!unpacked)
      throw new DamagedZipError(
        `${entry.name} is compressed with method ${entry.method}, which REFI-QDA packages do not use`,
      );
    if (unpacked.length !== entry.declaredSize)
      throw new DamagedZipError(
        `${entry.name} unpacks to ${unpacked.length} bytes, not the ${entry.declaredSize} it declares`,
      );
    this.unpacked += unpacked.length;
    return unpacked;
  }

  /** The entry's data inflated, never more than it declares. */
  private inflateEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
    let inflated: Uint8Array | 'too large';
    try {
      inflated = this.inflate(data, entry.declaredSize);
    } catch (error) {
      throw new DamagedZipError(`${entry.name} cannot be inflated (${(error as Error).message})`);
    }
    if (inflated === 'too large')
      throw new TooLargeError(
        `${entry.name} is too large: it unpacks to more than the ${sizeText(entry.declaredSize)} it declares, which only a damaged archive or a zip bomb does`,
      );
    return inflated;
  }
}

/**
 * Inflates into a buffer of `atMost` bytes, stopping as soon as the output passes it. Each piece
 * is copied in as it comes, so that none of them lives on (and costs the garbage collector).
 */
export function inflateInJs(data: Uint8Array, atMost: number): Uint8Array | 'too large' {
  const out = new Uint8Array(atMost);
  let length = 0;
  let tooLarge = false;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > atMost) {
      tooLarge = true;
      throw new TooLargeError();
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += CHUNK)
      inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (tooLarge) return 'too large';
    throw error;
  }
  return length === out.length ? out : out.subarray(0, length);
}

function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = uint64(view, end - 12);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD)
      throw new DamagedZipError('its zip64 directory is damaged');
    count = uint64(view, at + 32);
    offset = uint64(view, at + 48);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL)
      throw new DamagedZipError('its central directory is damaged');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const next = offset + 46 + nameLength + extraLength + view.getUint16(offset + 32, true);
    if (next > bytes.length) throw new DamagedZipError('its central directory is damaged');
    const flags = view.getUint16(offset + 8, true);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(
      bytes.subarray(offset + 46, offset + 46 + nameLength),
    );
    const sizes = {
      compressed: view.getUint32(offset + 20, true),
      declared: view.getUint32(offset + 24, true),
      header: view.getUint32(offset + 42, true),
    };
    zip64Sizes(view, offset + 46 + nameLength, extraLength, sizes);
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      compressedSize: sizes.compressed,
      declaredSize: sizes.declared,
      headerOffset: sizes.header,
      encrypted: (flags & 1) === 1,
    });
    offset = next;
  }
  return entries;
}

function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new DamagedZipError('it has no zip directory at its end');
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order. */
function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  sizes: { compressed: number; declared: number; header: number },
): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      for (const key of ['declared', 'compressed', 'header'] as const) {
        if (sizes[key] !== ALL_ONES || field + 8 > at + 4 + size) continue;
        sizes[key] = uint64(view, field);
        field += 8;
      }
    }
    at += 4 + size;
  }
}

function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new DamagedZipError(`the header of ${entry.name} is damaged`);
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

function uint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/** "157 MB", or "12 KB" for what is less than a megabyte. */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
