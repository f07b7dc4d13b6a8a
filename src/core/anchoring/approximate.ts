/**
 * Approximate string matching: Myers' bit-vector algorithm in blocks of 32 pattern characters,
 * giving exactly the matches the approx-string-match package gives (a property test holds it to
 * that): the ends in the text where the pattern matches with the fewest errors (at most
 * maxErrors), each with the earliest start that has that many errors. Unlike the package, a
 * pattern is set up once for every window searched, and nothing is reversed or copied, so that
 * searching a short window costs little more than its characters.
 *
 * Ported from approx-string-match, Copyright (c) 2020 Robert Knight, MIT License. G. Myers, "A Fast
 * Bit-Vector Algorithm for Approximate String Matching Based on Dynamic Programming", J. ACM 46(3),
 * 1999; blocks skipped and branches avoided as in M. Šošić, "An SIMD dynamic programming C/C++
 * library", 2014.
 */

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** Where each character occurs in a pattern (or the pattern backwards), per block of 32. */
class PatternBits {
  readonly blocks: number;
  /** Bits of characters below 256, at [code * blocks + block]. */
  private readonly low: Int32Array;
  private readonly high = new Map<number, Int32Array>();
  readonly empty: Int32Array;

  constructor(pattern: string, backwards: boolean) {
    const m = pattern.length;
    this.blocks = Math.ceil(m / WORD);
    this.low = new Int32Array(256 * this.blocks);
    this.empty = new Int32Array(this.blocks);
    for (let i = 0; i < m; i++) {
      const code = pattern.charCodeAt(backwards ? m - 1 - i : i);
      const block = (i / WORD) | 0;
      const bit = 1 << (i % WORD);
      const bits = code < 256 ? this.low : this.highBits(code);
      const at = code < 256 ? code * this.blocks + block : block;
      bits[at] = (bits[at] as number) | bit;
    }
  }

  /** The array that holds a character's bits; they start at base(code). */
  lookup(code: number): Int32Array {
    return code < 256 ? this.low : (this.high.get(code) ?? this.empty);
  }

  base(code: number): number {
    return code < 256 ? code * this.blocks : 0;
  }

  private highBits(code: number): Int32Array {
    let bits = this.high.get(code);
    if (!bits) this.high.set(code, (bits = new Int32Array(this.blocks)));
    return bits;
  }
}

/** A pattern prepared for searching any number of texts. */
export class ApproximatePattern {
  private readonly forward: PatternBits;
  private backward: PatternBits | undefined;
  private readonly vp: Int32Array;
  private readonly vn: Int32Array;
  private readonly score: Int32Array;
  private readonly lastRow: Int32Array;

  constructor(readonly pattern: string) {
    this.forward = new PatternBits(pattern, false);
    const blocks = this.forward.blocks;
    this.vp = new Int32Array(blocks);
    this.vn = new Int32Array(blocks);
    this.score = new Int32Array(blocks);
    this.lastRow = new Int32Array(blocks).fill(1 << 31);
    if (blocks > 0) this.lastRow[blocks - 1] = 1 << ((pattern.length - 1) % WORD);
  }

  /** The matches in `text` with the fewest errors, if at most maxErrors; in the order of their ends. */
  search(text: string, maxErrors: number): ApproximateMatch[] {
    const ends: number[] = [];
    const errors = this.scan(text, 0, text.length, maxErrors, false, ends);
    this.backward ??= new PatternBits(this.pattern, true);
    return ends.map((end) => ({ start: this.startOf(text, end, errors), end, errors }));
  }

  /** The earliest start of a match ending at `end` with `errors` errors, found by searching backwards. */
  private startOf(text: string, end: number, errors: number): number {
    const from = Math.max(0, end - this.pattern.length - errors);
    const lengths: number[] = [];
    this.scan(text, from, end, errors, true, lengths);
    const longest = lengths[lengths.length - 1];
    return longest === undefined ? end : end - longest;
  }

  /**
   * Myers' search of text[from, to), forwards (reporting ends) or backwards with the reversed
   * pattern (reporting how many characters from `to`). Fills `found` with the places of the fewest
   * errors and returns that number. The blocks of the pattern that cannot hold a match are skipped.
   */
  private scan(text: string, from: number, to: number, maxErrors: number, backwards: boolean, found: number[]): number {
    const m = this.pattern.length;
    if (m === 0) return maxErrors;
    const bits = backwards ? (this.backward as PatternBits) : this.forward;
    const { vp, vn, score, lastRow } = this;
    const last = bits.blocks - 1;
    let limit = Math.min(maxErrors, m);
    let y = Math.max(0, Math.ceil(limit / WORD) - 1);
    for (let b = 0; b <= y; b++) {
      score[b] = (b + 1) * WORD;
      vp[b] = ~0;
      vn[b] = 0;
    }
    score[last] = m;
    const lastBlockScore = m % WORD === 0 ? WORD : m % WORD;
    for (let n = 0; n < to - from; n++) {
      const code = text.charCodeAt(backwards ? to - 1 - n : from + n);
      const peq = bits.lookup(code);
      const base = bits.base(code);
      let carry = 0;
      for (let b = 0; b <= y; b++) {
        carry = step(vp, vn, lastRow, b, (peq[base + b] as number) | (carry >>> 31), carry);
        score[b] = (score[b] as number) + carry;
      }
      if (
        (score[y] as number) - carry <= limit &&
        y < last &&
        (((peq[base + y + 1] as number) & 1) !== 0 || carry < 0)
      ) {
        y++;
        const most = y === last ? lastBlockScore : WORD;
        vp[y] = ~0;
        vn[y] = 0;
        const out = step(vp, vn, lastRow, y, (peq[base + y] as number) | (carry >>> 31), carry);
        score[y] = (score[y - 1] as number) + most - carry + out;
      } else {
        while (y > 0 && (score[y] as number) >= limit + WORD) y--;
      }
      const errors = score[y] as number;
      if (y === last && errors <= limit) {
        if (errors < limit) found.length = 0;
        found.push(n + 1 + (backwards ? 0 : from));
        limit = errors;
      }
    }
    return limit;
  }
}

/**
 * One step of block b for one text character (Myers, Fig. 8, without branches as Šošić does it):
 * updates the block's vertical deltas and returns the horizontal delta out of its last row.
 * `eq` holds the character's bits in the block, with bit 0 set when the delta coming in is -1.
 */
function step(vp: Int32Array, vn: Int32Array, lastRow: Int32Array, b: number, eq: number, carryIn: number): number {
  const pv = vp[b] as number;
  const mv = vn[b] as number;
  const xv = eq | mv;
  const xh = (((eq & pv) + pv) ^ pv) | eq;
  const ph = mv | ~(xh | pv);
  const mh = pv & xh;
  const row = lastRow[b] as number;
  const phIn = (ph << 1) | (carryIn > 0 ? 1 : 0);
  const mhIn = (mh << 1) | (carryIn >>> 31);
  vp[b] = mhIn | ~(xv | phIn);
  vn[b] = phIn & xv;
  return ((ph & row) !== 0 ? 1 : 0) - ((mh & row) !== 0 ? 1 : 0);
}
