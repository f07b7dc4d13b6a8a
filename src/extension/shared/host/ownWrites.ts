/**
 * The bytes qcode itself last wrote to each file, for a few seconds: the file watcher's event for
 * such a write is only its echo, and the project need not load again for it (qcode's own change
 * has loaded it already). Anything else on disk, a removal included, is a change.
 */
export class OwnWrites {
  private readonly recent = new Map<string, { bytes: Uint8Array; at: number }>();

  constructor(
    private readonly keepMs = 5000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** qcode has written these bytes to the file. */
  wrote(path: string, bytes: Uint8Array): void {
    this.forgetOld();
    this.recent.set(path, { bytes, at: this.now() });
  }

  /** qcode has changed the file otherwise (removed it, or a write failed): its next event is a change. */
  forget(path: string): void {
    this.recent.delete(path);
  }

  /** Whether qcode wrote the file lately (only then is an event for it worth a look). */
  has(path: string): boolean {
    this.forgetOld();
    return this.recent.has(path);
  }

  /** Whether the file holds what qcode last wrote to it: its event is an echo of that write. */
  async isEcho(path: string, read: (path: string) => Promise<Uint8Array | undefined>): Promise<boolean> {
    const wrote = this.recent.get(path)?.bytes;
    const now = wrote && (await read(path).catch(() => undefined));
    return !!wrote && !!now && sameBytes(wrote, now);
  }

  private forgetOld(): void {
    const oldest = this.now() - this.keepMs;
    for (const [path, { at }] of this.recent) if (at < oldest) this.recent.delete(path);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
