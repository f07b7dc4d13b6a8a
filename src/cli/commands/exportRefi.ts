import { basename, dirname, resolve } from 'node:path';
import { exportGaps, gapsText, hasGaps } from '../../core/export/exportGaps';
import type { Project } from '../../core/project/model';
import { codebookToRefi, countCodes } from '../../core/refi/exportCodes';
import { packageQdpx } from '../../core/refi/packageQdpx';
import { projectToRefi } from '../../core/refi/projectToRefi';
import { writeCodebookXml } from '../../core/refi/writeXml';
import { encodeUtf8 } from '../../core/text/decode';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage';

export type RefiFormat = 'qdpx' | 'qdc';

/** Writes the project as a REFI-QDA package (.qdpx) or its codebook alone (.qdc), and says what went in. */
export async function exportRefi(
  format: RefiFormat,
  project: Project,
  folder: string,
  out: string | undefined,
  io: Output,
): Promise<number> {
  const target = resolve(out ?? (format === 'qdpx' ? `${basename(folder)}.qdpx` : 'codebook.qdc'));
  const shown = out ?? basename(target);
  if (format === 'qdc') return writeCodebook(project, target, shown, io);
  const exported = projectToRefi(project, basename(folder));
  await writeBinary(target, await packageQdpx(exported));
  const { sources, cases } = exported.project;
  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  const gaps = exportGaps(project, exported.fromSidecar);
  io.out(
    `Wrote ${shown}: ${count(sources.length, 'source')}, ${count(countCodes(exported.project.codes), 'code')}, ${count(cases.length, 'case')}, ${count(selections, 'selection')}; ${count(exported.fromSidecar.length, 'annotation')} from saved quotes.\n`,
  );
  if (exported.unknownConceptCodings > 0)
    io.err(
      `${count(exported.unknownConceptCodings, 'coding')} of concepts missing from ${project.settings.codebook} left out; run "qcode check" to see them.\n`,
    );
  io.err(gapsText(gaps));
  if (exported.quoteSources.size > 0)
    io.err(
      `In the package they are selections of sources of their own, named "<transcript> (quotes from the sidecar)"; qcode import makes them orphaned annotations again.\n`,
    );
  return hasGaps(gaps) || exported.unknownConceptCodings > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

async function writeCodebook(project: Project, target: string, shown: string, io: Output): Promise<number> {
  const codebook = codebookToRefi(project.codebook);
  if (codebook.codes.length === 0) {
    io.err(
      `${project.settings.codebook} has no concepts, and a .qdc file must hold at least one code; nothing was written.\n`,
    );
    return EXIT_PROBLEMS;
  }
  await writeBinary(target, encodeUtf8(writeCodebookXml(codebook)));
  io.out(`Wrote ${shown}: ${count(countCodes(codebook.codes), 'code')}.\n`);
  return EXIT_OK;
}

/** Atomically, through the same file port as every other write. */
export async function writeBinary(target: string, bytes: Uint8Array): Promise<void> {
  await new NodeProjectFiles(dirname(target)).write(basename(target), bytes);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
