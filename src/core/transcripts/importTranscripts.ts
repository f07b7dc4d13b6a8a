import { readInformants } from '../informants/registry';
import { updateTextFile } from '../lock/updateTextFile';
import { joinPath } from '../paths';
import { message, type Message, type MessageArg } from '../messages';
import type { ProjectFiles } from '../port';
import { registryWithInformants } from '../refi/planInformants';
import { transcriptFileName } from '../refi/transcriptNames';
import { checkWriteTargets } from '../refi/writeTargets';
import { informantCodeRegExp, readSettings, SETTINGS_FILE, type Settings } from '../settings/settings';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { YamlFile } from '../yaml/yamlFile';
import { TranscriptReadError, type ParsedTranscript, type TranscriptFormat } from './model';
import { qcodeText } from './qcodeForm';
import { findSpeakers, labelSpeakers, type LabelledSpeaker } from './speakers';

export interface ImportedTranscript {
  source: string;
  format: TranscriptFormat;
  style: string;
  /** The transcript written, project-relative. */
  transcript: string;
  speakers: LabelledSpeaker[];
}

export interface TranscriptImportSummary {
  transcripts: ImportedTranscript[];
  /** Informant codes added to the registry. */
  informantsAdded: string[];
}

/** Whether a name can stand as a speaker label by the project's speaker pattern (`K3`, `I`). */
export function labelTest(settings: Settings): (name: string) => boolean {
  const pattern = new RegExp(settings.speakerPattern, 'mu');
  return (name) => pattern.exec(`${name}: x`)?.[1] === name;
}

/** The project's settings, or the defaults where qcode.yaml is missing or has no such setting. */
export async function projectSettings(files: ProjectFiles): Promise<Settings> {
  const bytes = await files.read(SETTINGS_FILE);
  const decoded = bytes && decodeUtf8(bytes);
  return readSettings(decoded && decoded.ok ? new YamlFile(SETTINGS_FILE, decoded.text) : undefined);
}

/** Each speaker of each transcript with the label its turns will get. */
export function plannedSpeakers(
  parsed: ParsedTranscript,
  mapping: ReadonlyMap<string, string>,
  settings: Settings,
): LabelledSpeaker[] {
  return labelSpeakers(findSpeakers(parsed.utterances), mapping, labelTest(settings));
}

/**
 * Writes the transcripts in qcode's form into the project's transcripts folder, each under a
 * name of its own (an existing transcript is never replaced), and adds the informants the
 * speakers were mapped to to the registry. Everything is checked before anything is written;
 * the registry is edited as it is on disk, under its lock.
 */
export async function importTranscripts(
  files: ProjectFiles,
  parsed: readonly ParsedTranscript[],
  mapping: ReadonlyMap<string, string>,
): Promise<TranscriptImportSummary> {
  const settings = await projectSettings(files);
  const isLabel = labelTest(settings);
  const refused = [...mapping.values()].find((label) => !isLabel(label.trim()));
  if (refused !== undefined)
    throw new TranscriptReadError(
      SETTINGS_FILE,
      message(
        '"{label}" cannot be a speaker label: the project\'s speakerPattern does not take it. Choose a label such as K4 or I.',
        { label: refused },
      ),
    );
  const registryText = await registryOnDisk(files, settings.informants);
  const registry = readInformants(new YamlFile(settings.informants, registryText ?? ''));
  const taken = new Set((await files.list(settings.transcripts)).map((e) => e.name.toLowerCase()));
  const planned = parsed.map((p) => {
    const speakers = plannedSpeakers(p, mapping, settings);
    const labels = new Map(speakers.flatMap((s) => s.variants.map((v) => [v, s.label] as const)));
    const name = transcriptFileName(p.source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), taken);
    return {
      parsed: p,
      speakers,
      path: joinPath(settings.transcripts, name),
      text: qcodeText(p.utterances, (s) => labels.get(s) ?? s),
    };
  });
  const isCode = informantCodeRegExp(settings);
  const added = [
    ...new Set(planned.flatMap((p) => p.speakers.filter((s) => s.mapped && isCode.test(s.label)).map((s) => s.label))),
  ].filter((code) => !registry.has(code));
  await checkWriteTargets(files, [...planned.map((p) => p.path), settings.informants]);
  if (added.length > 0) await addInformants(files, settings.informants, added);
  const transcripts: ImportedTranscript[] = [];
  for (const plan of planned) {
    const transcript = await createNew(files, plan.path, encodeUtf8(plan.text), taken);
    transcripts.push({
      source: plan.parsed.source,
      format: plan.parsed.format,
      style: plan.parsed.style,
      transcript,
      speakers: plan.speakers,
    });
  }
  return { transcripts, informantsAdded: added };
}

async function registryOnDisk(files: ProjectFiles, path: string): Promise<string | undefined> {
  const bytes = await files.read(path);
  if (!bytes) return undefined;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new TranscriptReadError(path, nothingImported(decoded.detail), decoded.line);
  const problem = new YamlFile(path, decoded.text).problems.find((p) => p.severity === 'error');
  if (problem)
    throw new TranscriptReadError(
      path,
      message('does not parse ({problem}). Fix it first; nothing was imported.', {
        problem: problem.detail ?? problem.message,
      }),
      problem.line,
    );
  return decoded.text;
}

async function addInformants(files: ProjectFiles, path: string, codes: readonly string[]): Promise<void> {
  const result = await updateTextFile(files, path, (current) => {
    const registry = readInformants(new YamlFile(path, current ?? ''));
    return registryWithInformants(
      current,
      codes.filter((code) => !registry.has(code)).map((code) => ({ code, attributes: {} })),
    );
  });
  if (!result.ok) throw new TranscriptReadError(path, nothingImported(result.detail ?? result.message), result.line);
}

function nothingImported(reason: MessageArg): Message {
  return message('{reason} Nothing was imported.', { reason });
}

/** Creates the file under this name, or the next free one if a file of that name appeared meanwhile. */
async function createNew(files: ProjectFiles, path: string, bytes: Uint8Array, taken: Set<string>): Promise<string> {
  let target = path;
  while (!(await files.createExclusive(target, bytes))) {
    const folder = target.slice(0, target.lastIndexOf('/') + 1);
    target = folder + transcriptFileName(path.slice(folder.length).replace(/\.txt$/, ''), taken);
  }
  return target;
}
