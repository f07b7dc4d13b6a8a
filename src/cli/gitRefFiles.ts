import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { joinPath } from '../core/paths';
import type { FolderEntry, ProjectFiles } from '../core/port';
import { GIT_MISSING, isErrorCode, repositoryPrefix, resolveCommit, runGit } from './gitRepository';
import { CommandError, UsageError } from './usage';

/**
 * A project folder as it is in a git revision: a read-only ProjectFiles. Paths are relative to
 * the project folder, which may be anywhere inside the repository. Call close() when done.
 */
export class GitRefFiles implements ProjectFiles {
  private shared: SharedBlobs | undefined;

  private constructor(
    readonly revision: string,
    /** The commit the revision names. */
    readonly commit: string,
    /** Where the project folder is inside the repository ('' or 'dir/'). */
    private readonly prefix: string,
    /** Object id of every file in the revision, by its path from the top of the repository. */
    private readonly blobs: ReadonlyMap<string, string>,
    private readonly reader: BlobReader,
  ) {}

  /** The project in `folder` (inside a git working tree) as it is in `revision`. */
  static async open(folder: string, revision: string): Promise<GitRefFiles> {
    const prefix = await repositoryPrefix(folder);
    if (prefix === undefined)
      throw new UsageError(
        `${folder} is not inside a git repository, so there are no revisions to compare. Run qcode diff in a clone.`,
      );
    const commit = await resolveCommit(folder, revision);
    const listing = await runGit(folder, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    return new GitRefFiles(revision, commit, prefix, blobsOf(listing), new BlobReader(folder));
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const oid = this.blobs.get(this.fullPath(path));
    if (oid === undefined) return undefined;
    return this.shared ? this.shared.read(oid, () => this.reader.read(oid)) : this.reader.read(oid);
  }

  /**
   * Reads the files that this revision and `other` hold alike (the text of a transcript whose sidecar alone changed,
   * say) once for both.
   */
  shareWith(other: GitRefFiles): void {
    const alike = new Set<string>();
    for (const [path, oid] of this.blobs) if (other.blobs.get(path) === oid) alike.add(oid);
    this.shared = other.shared = new SharedBlobs(alike);
  }

  async write(path: string, _data: Uint8Array): Promise<void> {
    throw new Error(`${path} cannot be written: it is read from ${this.revision}, which cannot change.`);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    return this.write(path, data).then(() => false);
  }

  async remove(path: string): Promise<void> {
    return this.write(path, new Uint8Array());
  }

  async list(folder: string): Promise<FolderEntry[]> {
    const full = this.fullPath(folder);
    const start = full === '' ? '' : `${full}/`;
    const entries = new Map<string, FolderEntry['kind']>();
    for (const path of this.blobs.keys()) {
      if (!path.startsWith(start)) continue;
      const rest = path.slice(start.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'folder');
    }
    return [...entries]
      .map(([name, kind]) => ({ name, kind }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  close(): void {
    this.reader.close();
  }

  /**
   * The project's files that differ from those of `other` (another revision of the same folder), or are in one of them
   * only.
   */
  changedFrom(other: GitRefFiles): Set<string> {
    const changed = new Set<string>();
    for (const [path, oid] of this.blobs) if (other.blobs.get(path) !== oid) changed.add(path);
    for (const path of other.blobs.keys()) if (!this.blobs.has(path)) changed.add(path);
    return new Set(
      [...changed].filter((path) => path.startsWith(this.prefix)).map((path) => path.slice(this.prefix.length)),
    );
  }

  private fullPath(path: string): string {
    return joinPath(this.prefix, path);
  }
}

/** `git ls-tree -r -z` lines, "<mode> <type> <oid>\t<path>", as path -> oid of the files. */
function blobsOf(listing: string): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t');
    const [, type, oid] = line.slice(0, tab).split(' ');
    if (tab > 0 && type === 'blob' && oid) blobs.set(line.slice(tab + 1), oid);
  }
  return blobs;
}

/** Blobs that two revisions hold alike, each read once and handed to both, then let go. */
class SharedBlobs {
  private readonly read1 = new Map<string, Promise<Uint8Array | undefined>>();

  constructor(private readonly alike: ReadonlySet<string>) {}

  read(oid: string, fetch: () => Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
    if (!this.alike.has(oid)) return fetch();
    const first = this.read1.get(oid);
    if (!first) {
      const bytes = fetch();
      this.read1.set(oid, bytes);
      return bytes;
    }
    this.read1.delete(oid);
    return first.then((bytes) => bytes?.slice()); // a copy of its own for the second reader
  }
}

interface Waiting {
  resolve(bytes: Uint8Array | undefined): void;
  reject(error: Error): void;
}

/** Reads blobs by object name (an id, or commit:path) through one `git cat-file --batch`, which answers in the order asked. */
export class BlobReader {
  private process: ChildProcessWithoutNullStreams | undefined;
  private readonly waiting: Waiting[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes the answer being received needs in all; no use looking before they are there. */
  private needed = 0;
  private stderr = '';

  constructor(private readonly cwd: string) {}

  read(oid: string): Promise<Uint8Array | undefined> {
    const child = (this.process ??= this.start());
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      child.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.process?.stdin.end();
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd });
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    child.stdin.on('error', (error) => this.failAll(error));
    child.on('error', (error) => this.failAll(isErrorCode(error, 'ENOENT') ? new CommandError(GIT_MISSING) : error));
    child.on('close', (code) =>
      this.failAll(new CommandError(`git cat-file stopped (exit code ${code}). ${this.stderr.trim()}`)),
    );
    return child;
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    let data = Buffer.concat(this.chunks, this.buffered);
    for (let answer = nextAnswer(data); answer && this.waiting.length > 0; answer = nextAnswer(data)) {
      this.waiting.shift()?.resolve(answer.bytes);
      data = data.subarray(answer.length);
    }
    this.chunks = [data];
    this.buffered = data.length;
    this.needed = bytesNeeded(data);
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
  }
}

/** The first complete answer in the buffer ("<oid> blob <size>\n<bytes>\n" or "<name> missing\n"), if there is one. */
function nextAnswer(data: Buffer): { bytes: Uint8Array | undefined; length: number } | undefined {
  const headerEnd = data.indexOf(0x0a);
  if (headerEnd < 0) return undefined;
  const size = sizeIn(data.subarray(0, headerEnd).toString('utf8'));
  if (size === undefined) return { bytes: undefined, length: headerEnd + 1 };
  const end = headerEnd + 1 + size;
  if (data.length < end + 1) return undefined;
  return { bytes: new Uint8Array(data.subarray(headerEnd + 1, end)), length: end + 1 };
}

function bytesNeeded(data: Buffer): number {
  const headerEnd = data.indexOf(0x0a);
  const size = headerEnd < 0 ? undefined : sizeIn(data.subarray(0, headerEnd).toString('utf8'));
  return size === undefined ? 0 : headerEnd + size + 2;
}

/** The size in an answer's header; undefined for "missing" and other answers without content. */
function sizeIn(header: string): number | undefined {
  const [, type, size] = header.split(' ');
  return type === 'blob' && size !== undefined ? Number(size) : undefined;
}
