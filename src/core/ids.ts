import type { RandomBytes } from './port';

/** Crockford's base32 alphabet in lower case: no i, l, o or u, so ids read unambiguously. */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_LENGTH = 8;
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{8}$/;

/** A random annotation id that is not in `taken`. Random, so two branches never mint the same one. */
export function newAnnotationId(random: RandomBytes, taken: Pick<ReadonlySet<string>, 'has'> = new Set()): string {
  for (;;) {
    const bytes = random(ID_LENGTH);
    let id = '';
    for (const byte of bytes) id += ID_ALPHABET[byte & 31];
    if (!taken.has(id)) return id;
  }
}
