/** Turns a file's bytes into text, or says precisely why it is not UTF-8 text. */
import { englishText, message, type Message } from '../messages';

export type Decoded =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; line: number; column: number; message: string; detail: Message };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return notUtf8(
      1,
      1,
      message('The file is UTF-16 text. Save it as UTF-8 (in VS Code: "Save with Encoding" > UTF-8).'),
    );
  }
  const hadBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: decoder.decode(body), hadBom };
  } catch {
    return invalidAt(body, firstInvalidByte(body));
  }
}

function invalidAt(bytes: Uint8Array, offset: number): Decoded {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1] ?? '';
  const byte = bytes[offset] ?? 0;
  const hint = looksLikeLatin1(byte)
    ? message(' It looks like Windows-1252/ISO-8859-1 (æ, ø, å written as single bytes).')
    : '';
  const text = message(
    'The file is not valid UTF-8: byte 0x{byte} cannot start or continue a character.{hint} Re-save it as UTF-8 (in VS Code: "Reopen with Encoding", then "Save with Encoding" > UTF-8).',
    { byte: byte.toString(16).padStart(2, '0'), hint },
  );
  return notUtf8(lines.length, last.length + 1, text);
}

function notUtf8(line: number, column: number, detail: Message): Decoded {
  return { ok: false, line, column, message: englishText(detail), detail };
}

function looksLikeLatin1(byte: number): boolean {
  return byte >= 0xa0;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Byte offset of the first byte that breaks UTF-8, or bytes.length if there is none. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const [length, min, max] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b >= 0xf1 && b <= 0xf3
                ? [4, 0x80, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (length === 0) return 0;
  const second = bytes[i + 1];
  if (second === undefined || second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

const encoder = new TextEncoder();

export function encodeUtf8(text: string, withBom = false): Uint8Array {
  const body = encoder.encode(text);
  if (!withBom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
