import { readCodebook } from '../codebook/readCodebook';
import type { Informant } from '../informants/registry';
import { readInformants } from '../informants/registry';
import { updateTextFile, type TextEdit, type TextUpdate } from '../lock/updateTextFile';
import type { ProjectFiles } from '../port';
import { YamlFile } from '../yaml/yamlFile';
import type { ImportSummary } from './importSummary';
import type { PlannedConcept } from './planConcepts';
import { registryWithInformants } from './planInformants';
import { RefiReadError } from './readError';
import { codebookWithConcepts } from './writeConcepts';

/**
 * Adds the planned concepts to the codebook as it is on disk now, under its lock. When someone
 * changed it since the import read it (`previous`), their change stays, and a concept they added
 * with the same id is not added twice.
 */
export async function writeConcepts(
  files: ProjectFiles,
  path: string,
  previous: string | undefined,
  added: readonly PlannedConcept[],
  summary: ImportSummary,
): Promise<void> {
  const result = await updateTextFile(
    files,
    path,
    changedSince(path, previous, (current, file) => {
      const codebook = file && readCodebook(file);
      return codebookWithConcepts(current, codebook ? added.filter((c) => !codebook.has(c.id)) : added);
    }),
  );
  recordWrite(path, result, summary);
}

/**
 * Adds the planned informants to the registry as it is on disk now, under its lock, leaving out codes someone
 * registered meanwhile.
 */
export async function writeInformants(
  files: ProjectFiles,
  path: string,
  previous: string | undefined,
  added: readonly Informant[],
  summary: ImportSummary,
): Promise<void> {
  const result = await updateTextFile(
    files,
    path,
    changedSince(path, previous, (current, file) => {
      const registry = file && readInformants(file);
      return registryWithInformants(current, registry ? added.filter((i) => !registry.has(i.code)) : added);
    }),
  );
  recordWrite(path, result, summary);
}

/**
 * An edit that gets the parsed file only when it is no longer the text the import planned with; a changed file that
 * does not parse is refused.
 */
function changedSince(
  path: string,
  previous: string | undefined,
  edit: (current: string | undefined, changed: YamlFile | undefined) => ReturnType<TextEdit>,
): TextEdit {
  return (current) => {
    if (current === previous || current === undefined) return edit(current, undefined);
    const file = new YamlFile(path, current);
    const problem = file.problems.find((p) => p.severity === 'error');
    if (problem)
      return {
        ok: false,
        message: `changed while importing and no longer parses (line ${problem.line}: ${problem.message}). Fix it and import again; what was imported before it stays.`,
      };
    return edit(current, file);
  };
}

function recordWrite(path: string, result: TextUpdate, summary: ImportSummary): void {
  if (!result.ok) throw new RefiReadError(path, result.message, result.line, result.column);
  if (result.changed) summary.written.push(path);
}
