import type { RandomBytes } from '../../src/core/port';

/** A repeatable RandomBytes (mulberry32), so that ids minted in tests are the same on every run. */
export function seededRandomBytes(seed: number): RandomBytes {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (count) => {
    const bytes = new Uint8Array(count);
    for (let i = 0; i < count; i++) bytes[i] = next() & 0xff;
    return bytes;
  };
}

/** A RandomBytes that hands out the given byte sequences in turn (then repeats the last). */
export function scriptedRandomBytes(...sequences: number[][]): RandomBytes {
  let call = 0;
  return (count) => {
    const sequence = sequences[Math.min(call++, sequences.length - 1)] ?? [];
    return Uint8Array.from({ length: count }, (_, i) => sequence[i] ?? 0);
  };
}
