import { basename, SIDECAR_SUFFIX } from '../paths';
import type { ProjectFiles } from '../port';
import { message } from '../messages';
import { problem, type Problem } from '../problems';
import { informantCodeRegExp, speakerRegExp, type Settings } from '../settings/settings';
import { readSidecarContent } from '../sidecar/cleanSidecar';
import { informantAt, speakerTurns } from '../speakers/turns';
import { TranscriptText } from '../text/transcriptText';
import { resolveTranscript, type EarlierTexts } from './earlierTexts';
import type { ResolvedAnnotation, TranscriptFile } from './model';
import { readTextFile } from './readText';

/**
 * Reads a transcript and its sidecar, validates the sidecar and resolves every annotation (through
 * the differences from the text the sidecar was written against, when `earlier` can tell it).
 */
export async function loadTranscript(
  files: ProjectFiles,
  path: string,
  settings: Settings,
  problems: Problem[],
  earlier?: EarlierTexts,
): Promise<TranscriptFile> {
  const sidecarPath = path + SIDECAR_SUFFIX;
  const [transcript, sidecar] = await Promise.all([
    readTextFile(files, path, problems, true),
    readTextFile(files, sidecarPath, problems, false, false),
  ]);
  const doc = typeof transcript === 'object' ? new TranscriptText(transcript.text) : undefined;
  const file: TranscriptFile = {
    path,
    sidecarPath,
    hadBom: typeof transcript === 'object' && transcript.hadBom,
    turns: doc ? speakerTurns(doc.text, speakerRegExp(settings)) : [],
    sidecarReadable: sidecar !== 'unreadable',
    annotations: [],
    ...(doc ? { doc } : {}),
    ...(typeof sidecar === 'object' ? { sidecarText: sidecar.text } : {}),
  };
  if (typeof sidecar === 'object') await readAnnotations(file, sidecar.text, settings, problems, earlier);
  return file;
}

async function readAnnotations(
  file: TranscriptFile,
  text: string,
  settings: Settings,
  problems: Problem[],
  earlier: EarlierTexts | undefined,
): Promise<void> {
  const parsed = readSidecarContent(file.sidecarPath, text);
  problems.push(...parsed.problems);
  if (!parsed.ok) {
    file.sidecarReadable = false;
    return;
  }
  if (parsed.memo !== undefined) file.memo = parsed.memo;
  const name = basename(file.path);
  if (parsed.transcript !== undefined && parsed.transcript !== name) {
    problems.push(
      problem(
        file.sidecarPath,
        1,
        1,
        'warning',
        'transcript-name',
        message(
          'The sidecar names "{named}" but sits next to "{name}". Rename one of them or correct the "transcript:" line.',
          { named: parsed.transcript, name },
        ),
      ),
    );
  }
  const codePattern = informantCodeRegExp(settings);
  const isInformant = (code: string) => codePattern.test(code);
  const anchors = parsed.entries.map((entry) => entry.annotation);
  const resolutions = file.doc && (await resolveTranscript(file.path, file.doc, anchors, earlier));
  parsed.entries.forEach((entry, i) => {
    const { annotation } = entry;
    const resolved: ResolvedAnnotation = {
      annotation,
      resolution: { status: 'orphaned', reason: message('The transcript could not be read.') },
      transcript: file,
      text: annotation.quote,
      line: entry.line,
      column: entry.column,
    };
    const resolution = resolutions?.[i];
    if (file.doc && resolution) {
      resolved.resolution = resolution;
      if (resolution.status !== 'orphaned') resolved.text = file.doc.text.slice(resolution.start, resolution.end);
    }
    const attributed =
      resolved.resolution.status !== 'orphaned'
        ? informantAt(file.turns, resolved.resolution.start, isInformant)
        : undefined;
    const informant = annotation.informant ?? attributed;
    if (informant !== undefined) resolved.informant = informant;
    file.annotations.push(resolved);
  });
}
