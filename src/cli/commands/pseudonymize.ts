import { discoverChapters } from '../../core/chapters/chapterFiles';
import { hasErrors } from '../../core/problems';
import { discoverTranscripts } from '../../core/project/discover';
import { loadKey } from '../../core/pseudonyms/keyFile';
import { compileKey } from '../../core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../core/pseudonyms/pseudonymizeProject';
import type { Replacement } from '../../core/pseudonyms/listing';
import type { Problem } from '../../core/problems';
import { projectSettings } from '../../core/transcripts/importTranscripts';
import { parse } from '../args';
import { keyOption } from '../keyOption';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { problemsAsText } from '../problemFormats';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage';

/** qcode pseudonymize [dir] [--key FILE] [--dry-run] */
export async function pseudonymize(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { key: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1);
  const files = new NodeProjectFiles(projectFolder(positionals[0]));
  // The settings and the transcripts' paths are all it needs: the project is not loaded and checked first.
  const settings = await projectSettings(files);
  const keyProblems: Problem[] = [];
  const key = await loadKey(
    files,
    settings,
    keyProblems,
    typeof values.key === 'string' ? keyOption(values.key) : undefined,
  );
  if (!key) {
    const where = typeof values.key === 'string' ? values.key : settings.pseudonyms;
    io.err(
      `qcode pseudonymize: there is no key at ${where}. Write the real names and their replacements in it, one "name: replacement" a line (e.g. Kari Nordmann: "[K4]"), or name another file with --key.\n`,
    );
    return EXIT_PROBLEMS;
  }
  if (hasErrors(keyProblems)) {
    io.err(problemsAsText(keyProblems) + `qcode pseudonymize: correct the key first; nothing was changed.\n`);
    return EXIT_PROBLEMS;
  }
  const dryRun = values['dry-run'] === true;
  const transcripts = (await discoverTranscripts(files, settings)).transcripts;
  // The chapters and memo files: those check searches for leaks.
  const writings = await discoverChapters(files, settings);
  const outcome = await pseudonymizeProject(
    files,
    transcripts,
    { codebook: settings.codebook, informants: settings.informants },
    compileKey(key.entries),
    dryRun,
    writings,
  );
  io.out(outcome.replacements.map(line).join(''));
  if (outcome.problems.length > 0) io.err(problemsAsText(outcome.problems));
  io.out(summary(outcome.replacements.length, outcome.written.length, outcome.annotations, dryRun));
  return hasErrors(outcome.problems) ? EXIT_PROBLEMS : EXIT_OK;
}

function line(r: Replacement): string {
  return `${r.file}:${r.line}:${r.column}: ${r.found} -> ${r.replacement}\n`;
}

function summary(replacements: number, files: number, annotations: number, dryRun: boolean): string {
  if (replacements === 0)
    return 'Nothing to replace: no entry of the key is in the transcripts or the copies qcode keeps.\n';
  if (dryRun) return `${replacements} replacement(s) would be made; nothing was written (--dry-run).\n`;
  return `${replacements} replacement(s) in ${files} file(s); ${annotations} annotation(s) moved with their text. Run "qcode check" to find what is left (ids, codes, references, exports).\n`;
}
