import type { FolderEntry, ProjectFiles } from '../../src/core/port';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** An in-memory ProjectFiles: a map from '/'-separated project-relative paths to bytes. */
export class MemoryFiles implements ProjectFiles {
  readonly files = new Map<string, Uint8Array>();
  /** Every path written, in order, so tests can tell what the core touched. */
  readonly writes: string[] = [];

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) this.set(path, content);
  }

  set(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? encoder.encode(content) : content);
  }

  /** The file as text (UTF-8, BOM kept), or undefined. */
  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && decoder.decode(bytes);
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const bytes = this.files.get(path);
    return bytes && bytes.slice();
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    this.files.set(path, data.slice());
    this.writes.push(path);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    if (this.files.has(path) || [...this.files.keys()].some((p) => p.startsWith(`${path}/`))) return false;
    this.files.set(path, data.slice());
    return true;
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }

  async list(folder: string): Promise<FolderEntry[]> {
    const prefix = folder === '' || folder === '.' ? '' : `${folder.replace(/\/+$/, '')}/`;
    const entries = new Map<string, FolderEntry['kind']>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) entries.set(rest, 'file');
      else entries.set(rest.slice(0, slash), 'folder');
    }
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }
}
