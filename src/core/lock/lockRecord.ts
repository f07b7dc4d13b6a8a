/** The suffix of the lock file that guards writes to a project file: codebook.yaml.lock. */
export const LOCK_SUFFIX = '.lock';
/** The suffix of the file that one process holds while it removes a stale lock: codebook.yaml.lock.break. */
export const BREAK_SUFFIX = '.lock.break';

/** What a lock file holds: who took it (a random token) and when, as one line of JSON. */
export interface LockRecord {
  owner: string;
  /** ISO 8601 time at which the lock was taken. */
  created: string;
}

const lenient = new TextDecoder('utf-8');

export function lockBytes(owner: string, now: number): Uint8Array {
  const record: LockRecord = { owner, created: new Date(now).toISOString() };
  return new TextEncoder().encode(`${JSON.stringify(record)}\n`);
}

/** A lock file's content as text, for telling one holder from the next; undefined when there is none. */
export function lockText(bytes: Uint8Array | undefined): string | undefined {
  return bytes && lenient.decode(bytes);
}

/** The record in a lock file's text, or undefined while it is being written or when it is not qcode's. */
export function parseLock(text: string): LockRecord | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { owner, created } = value as Record<string, unknown>;
    return typeof owner === 'string' && typeof created === 'string' && Number.isFinite(Date.parse(created))
      ? { owner, created }
      : undefined;
  } catch {
    return undefined;
  }
}

export function ownedBy(text: string | undefined, owner: string): boolean {
  return text !== undefined && parseLock(text)?.owner === owner;
}

export function randomOwner(random: (count: number) => Uint8Array): string {
  return [...random(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
