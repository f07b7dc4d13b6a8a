import type { FolderEntry, ProjectFiles } from '../port';
import type { Problem } from '../problems';
import { SIDECAR_SUFFIX } from '../paths';
import type { TranscriptFile } from './model';

/** A transcript as loadTranscript made it, with the problems it found and the settings it used. */
export interface LoadedTranscript {
  file: TranscriptFile;
  problems: Problem[];
}

interface Kept<T> {
  value: T;
  /** The settings it was made with, when they matter. */
  settings: string;
}

/**
 * What loading a project read and made of its files, kept from one load to the next: a reload reads
 * again only the files said to have changed since, and loads again only the transcripts they are
 * part of. Whoever keeps one must call `changed` for every file (or folder) that changes on disk,
 * or `clear`. What was read while a file of it changed is not kept.
 */
export class ProjectCache {
  private clock = 0;
  private clearedAt = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly transcripts = new Map<string, Kept<LoadedTranscript>>();
  private readonly reads = new Map<string, Kept<Uint8Array | undefined>>();

  /** A file or folder changed (was written, created or deleted): what was read of it and below it is forgotten. */
  changed(path: string): void {
    this.changedAt.set(path, ++this.clock);
    for (const transcript of this.transcripts.keys())
      if (under(transcript, path) || under(transcript + SIDECAR_SUFFIX, path)) this.transcripts.delete(transcript);
    for (const read of this.reads.keys()) if (under(read, path)) this.reads.delete(read);
  }

  /** Everything may have changed. */
  clear(): void {
    this.clearedAt = ++this.clock;
    this.changedAt.clear();
    this.transcripts.clear();
    this.reads.clear();
  }

  /** The transcript as loaded before with these settings (as JSON), unless it or its sidecar changed since. */
  transcript(path: string, settings: string): LoadedTranscript | undefined {
    const kept = this.transcripts.get(path);
    return kept?.settings === settings ? kept.value : undefined;
  }

  /**
   * Loads the transcript with `load` unless it is kept, and keeps what `load` made unless a file of it changed
   * meanwhile.
   */
  async loadTranscript(
    path: string,
    settings: string,
    load: () => Promise<LoadedTranscript>,
  ): Promise<LoadedTranscript> {
    const kept = this.transcript(path, settings);
    if (kept) return kept;
    const since = this.clock;
    const loaded = await load();
    if (!this.changedSince(path, since) && !this.changedSince(path + SIDECAR_SUFFIX, since))
      this.transcripts.set(path, { value: loaded, settings });
    return loaded;
  }

  /** The files, with each read kept until the file changes; writes through them count as changes. */
  reading(files: ProjectFiles): ProjectFiles {
    return new CachedReads(files, this);
  }

  /** The bytes as read before, or as `read` reads them now (kept unless the file changed meanwhile). */
  async read(path: string, read: () => Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
    const kept = this.reads.get(path);
    if (kept) return kept.value;
    const since = this.clock;
    const bytes = await read();
    if (!this.changedSince(path, since)) this.reads.set(path, { value: bytes, settings: '' });
    return bytes;
  }

  /** Whether the path, or a folder it is in, changed after `since`. */
  private changedSince(path: string, since: number): boolean {
    if (this.clearedAt > since) return true;
    for (let at = path; ; at = at.slice(0, at.lastIndexOf('/'))) {
      if ((this.changedAt.get(at) ?? 0) > since) return true;
      if (!at.includes('/')) return false;
    }
  }
}

/** Whether `path` is `changed` or inside it. */
function under(path: string, changed: string): boolean {
  return path === changed || path.startsWith(`${changed}/`);
}

class CachedReads implements ProjectFiles {
  constructor(
    private readonly files: ProjectFiles,
    private readonly cache: ProjectCache,
  ) {}

  read(path: string): Promise<Uint8Array | undefined> {
    return this.cache.read(path, () => this.files.read(path));
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    this.cache.changed(path);
    await this.files.write(path, data);
    this.cache.changed(path);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    this.cache.changed(path);
    const created = await this.files.createExclusive(path, data);
    this.cache.changed(path);
    return created;
  }

  async remove(path: string): Promise<void> {
    this.cache.changed(path);
    await this.files.remove(path);
    this.cache.changed(path);
  }

  list(folder: string): Promise<FolderEntry[]> {
    return this.files.list(folder);
  }
}
