import { FileLockTimeout, withFileLock } from '../lock/fileLock';
import { basename } from '../paths';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import type { Annotation } from './annotation';
import { readSidecar } from './readSidecar';
import { writeSidecarMemo } from './sidecarMemo';
import { writeSidecar, type WriteResult } from './writeSidecar';

export type SidecarEdit = (annotations: Annotation[]) => Annotation[];
export type UpdateResult = { ok: true; changed: boolean } | { ok: false; problems: Problem[] };

/**
 * Applies an edit to the annotations of a sidecar as it is on disk right now, so that changes
 * made by someone else since the project was loaded are kept, then writes it atomically. All of
 * it happens under the sidecar's lock, so that another process writing at the same time (a
 * second command, the editor) cannot write between the reading and the writing. A sidecar that
 * does not parse is left alone.
 */
export async function updateSidecar(
  files: ProjectFiles,
  sidecarPath: string,
  transcriptPath: string,
  edit: SidecarEdit,
): Promise<UpdateResult> {
  return rewriteLocked(files, sidecarPath, (previous) => {
    const read = previous === undefined ? undefined : readSidecar(sidecarPath, previous);
    // The edit gets copies: the text is written from the annotations as read, even if the edit changes what it was
    // given.
    const current = read ? read.entries.map((e) => copyAnnotation(e.annotation)) : [];
    return writeSidecar(sidecarPath, previous, basename(transcriptPath), edit(current), read);
  });
}

/** Sets the memo on the transcript as a whole (empty: removes it), in the sidecar as it is on disk, under its lock. */
export async function updateSidecarMemo(
  files: ProjectFiles,
  sidecarPath: string,
  transcriptPath: string,
  memo: string,
): Promise<UpdateResult> {
  return rewriteLocked(files, sidecarPath, (previous) =>
    writeSidecarMemo(sidecarPath, previous, basename(transcriptPath), memo),
  );
}

/**
 * Reads the sidecar, has `write` make its new text from it, and writes that atomically, all under the sidecar's lock.
 */
async function rewriteLocked(
  files: ProjectFiles,
  sidecarPath: string,
  write: (previous: string | undefined) => WriteResult,
): Promise<UpdateResult> {
  try {
    return await withFileLock(files, sidecarPath, () => rewriteSidecar(files, sidecarPath, write));
  } catch (error) {
    if (error instanceof FileLockTimeout) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

async function rewriteSidecar(
  files: ProjectFiles,
  sidecarPath: string,
  write: (previous: string | undefined) => WriteResult,
): Promise<UpdateResult> {
  const bytes = await files.read(sidecarPath);
  let previous: string | undefined;
  let hadBom = false;
  if (bytes) {
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok)
      return {
        ok: false,
        problems: [problem(sidecarPath, decoded.line, decoded.column, 'error', 'not-utf8', decoded.detail)],
      };
    previous = decoded.text;
    hadBom = decoded.hadBom;
  }
  const written = write(previous);
  if (!written.ok) return written;
  if (written.text === (previous ?? '')) return { ok: true, changed: false };
  await files.write(sidecarPath, encodeUtf8(written.text, hadBom)); // a BOM an editor added stays, so line 1 is unchanged
  return { ok: true, changed: true };
}

function copyAnnotation(annotation: Annotation): Annotation {
  const copy: Annotation = { ...annotation, concepts: [...annotation.concepts] };
  if (annotation.range) copy.range = { start: { ...annotation.range.start }, end: { ...annotation.range.end } };
  return copy;
}
