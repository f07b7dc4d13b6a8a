import { suggestSimilar } from '../codebook/codebook';
import { didYouMean, message } from '../messages';
import { problem, type Problem } from '../problems';
import { savedQueryProblems } from '../query/savedQueryChecks';
import { SIDECAR_SUFFIX } from '../paths';
import { informantCodeRegExp } from '../settings/settings';
import { formatRange } from '../text/position';
import type { Project, ResolvedAnnotation, TranscriptFile } from './model';

/** Checks across files: references to the codebook and registry, ids, and where passages went. */
export function checkProject(
  project: Project,
  strandedSidecars: string[],
  present: { codebook: boolean; informants: boolean },
): void {
  const { problems } = project;
  for (const sidecar of strandedSidecars) {
    const transcript = sidecar.slice(0, -SIDECAR_SUFFIX.length);
    problems.push(
      problem(
        sidecar,
        1,
        1,
        'error',
        'missing-transcript',
        message(
          'This sidecar belongs to {transcript}, which does not exist. Restore or rename the transcript, or move the sidecar next to it.',
          { transcript },
        ),
      ),
    );
  }
  const seenIds = new Map<string, ResolvedAnnotation>();
  for (const transcript of project.transcripts) {
    checkSpeakers(project, transcript, present.informants);
    for (const resolved of transcript.annotations) {
      checkIdUnique(problems, seenIds, resolved);
      if (present.codebook) checkConcepts(project, resolved);
      if (present.informants) checkInformant(project, resolved);
      checkResolution(problems, resolved);
    }
  }
  problems.push(...savedQueryProblems(project));
}

/** problem(...) for a problem about one annotation, which it names by id. */
function aboutAnnotation(id: string): typeof problem {
  return (...args) => ({ ...problem(...args), annotation: id });
}

function at(resolved: ResolvedAnnotation) {
  return { file: resolved.transcript.sidecarPath, line: resolved.line, column: resolved.column };
}

function checkIdUnique(problems: Problem[], seen: Map<string, ResolvedAnnotation>, resolved: ResolvedAnnotation): void {
  const first = seen.get(resolved.annotation.id);
  if (!first) {
    seen.set(resolved.annotation.id, resolved);
    return;
  }
  const { file, line, column } = at(resolved);
  problems.push(
    problem(
      file,
      line,
      column,
      'error',
      'duplicate-id',
      message('The annotation id "{id}" is also used in {place}. Give this one a new id.', {
        id: resolved.annotation.id,
        place: `${first.transcript.sidecarPath}:${first.line}`,
      }),
    ),
  );
}

function checkConcepts(project: Project, resolved: ResolvedAnnotation): void {
  for (const id of resolved.annotation.concepts) {
    if (project.codebook.has(id)) continue;
    const hint = didYouMean(project.codebook.suggest(id));
    const { file, line, column } = at(resolved);
    project.problems.push(
      problem(
        file,
        line,
        column,
        'error',
        'unknown-concept',
        message(
          'Annotation {annotation} uses the concept "{concept}", which is not in {codebook}.{hint} Correct the id or add the concept to the codebook.',
          { annotation: resolved.annotation.id, concept: id, codebook: project.settings.codebook, hint },
        ),
      ),
    );
  }
}

function checkInformant(project: Project, resolved: ResolvedAnnotation): void {
  const code = resolved.annotation.informant;
  if (code === undefined || project.informants.has(code)) return;
  const hint = didYouMean(suggestSimilar(code, project.informants.codes));
  const { file, line, column } = at(resolved);
  project.problems.push(
    problem(
      file,
      line,
      column,
      'error',
      'unknown-informant',
      message(
        'Annotation {annotation} names the informant "{code}", who is not in {registry}.{hint} Correct the code or register the informant.',
        { annotation: resolved.annotation.id, code, registry: project.settings.informants, hint },
      ),
    ),
  );
}

function checkResolution(problems: Problem[], resolved: ResolvedAnnotation): void {
  const { resolution, annotation } = resolved;
  if (resolution.status === 'exact') return;
  const { file, line, column } = at(resolved);
  const name = { id: annotation.id, concepts: annotation.concepts.join(', ') };
  const problem = aboutAnnotation(annotation.id);
  if (resolution.status === 'orphaned') {
    problems.push(
      problem(
        file,
        line,
        column,
        'error',
        'orphaned',
        message(
          'Annotation {id} ({concepts}) is orphaned: {reason} It is kept; find the passage and tag it again, then delete this annotation.',
          { ...name, reason: resolution.reason },
        ),
      ),
    );
  } else if (resolution.status === 'fuzzy') {
    problems.push(
      problem(
        file,
        line,
        column,
        'warning',
        'fuzzy',
        message(
          'Annotation {id} ({concepts}) matches the changed text at {range} only approximately (confidence {confidence}). Check the passage, then run "qcode check --fix" to accept it.',
          { ...name, range: formatRange(resolution.range), confidence: resolution.confidence.toFixed(2) },
        ),
      ),
    );
  } else if (resolution.status === 'moved' && !annotation.range) {
    problems.push(
      problem(
        file,
        line,
        column,
        'info',
        'moved',
        message(
          'Annotation {id} ({concepts}) has no usable range; its quote is at {range}. Run "qcode check --fix" to set the range.',
          { ...name, range: formatRange(resolution.range) },
        ),
      ),
    );
  } else if (resolution.status === 'moved') {
    problems.push(
      problem(
        file,
        line,
        column,
        'info',
        'moved',
        message('Annotation {id} ({concepts}) has moved to {range}. Run "qcode check --fix" to update its range.', {
          ...name,
          range: formatRange(resolution.range),
        }),
      ),
    );
  }
}

function checkSpeakers(project: Project, transcript: TranscriptFile, registryPresent: boolean): void {
  if (!registryPresent || !transcript.doc) return;
  const codePattern = informantCodeRegExp(project.settings);
  const reported = new Set<string>();
  for (const turn of transcript.turns) {
    if (reported.has(turn.speaker) || !codePattern.test(turn.speaker) || project.informants.has(turn.speaker)) continue;
    reported.add(turn.speaker);
    const { line, column } = transcript.doc.positionAt(turn.start);
    project.problems.push(
      problem(
        transcript.path,
        line,
        column,
        'warning',
        'unregistered-informant',
        message(
          'The speaker "{speaker}" looks like an informant code but is not in {registry}. Register the informant, or correct the label.',
          { speaker: turn.speaker, registry: project.settings.informants },
        ),
      ),
    );
  }
}
