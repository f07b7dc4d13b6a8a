import { suggestSimilar } from '../codebook/codebook';
import { problem, type Problem } from '../problems';
import { informantCodeRegExp, SIDECAR_SUFFIX } from '../settings/settings';
import { formatRange } from '../text/position';
import type { Project, ResolvedAnnotation, TranscriptFile } from './model';

/** Checks across files: references to the codebook and registry, ids, and where passages went. */
export function checkProject(project: Project, strandedSidecars: string[], present: { codebook: boolean; informants: boolean }): void {
  const { problems } = project;
  for (const sidecar of strandedSidecars) {
    const transcript = sidecar.slice(0, -SIDECAR_SUFFIX.length);
    problems.push(problem(sidecar, 1, 1, 'error', 'missing-transcript', `This sidecar belongs to ${transcript}, which does not exist. Restore or rename the transcript, or move the sidecar next to it.`));
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
  problems.push(problem(file, line, column, 'error', 'duplicate-id', `The annotation id "${resolved.annotation.id}" is also used in ${first.transcript.sidecarPath}:${first.line}. Give this one a new id.`));
}

function checkConcepts(project: Project, resolved: ResolvedAnnotation): void {
  for (const id of resolved.annotation.concepts) {
    if (project.codebook.has(id)) continue;
    const suggestions = project.codebook.suggest(id);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    const { file, line, column } = at(resolved);
    project.problems.push(problem(file, line, column, 'error', 'unknown-concept', `Annotation ${resolved.annotation.id} uses the concept "${id}", which is not in ${project.settings.codebook}.${hint} Correct the id or add the concept to the codebook.`));
  }
}

function checkInformant(project: Project, resolved: ResolvedAnnotation): void {
  const code = resolved.annotation.informant;
  if (code === undefined || project.informants.has(code)) return;
  const suggestions = suggestSimilar(code, project.informants.codes);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  const { file, line, column } = at(resolved);
  project.problems.push(problem(file, line, column, 'error', 'unknown-informant', `Annotation ${resolved.annotation.id} names the informant "${code}", who is not in ${project.settings.informants}.${hint} Correct the code or register the informant.`));
}

function checkResolution(problems: Problem[], resolved: ResolvedAnnotation): void {
  const { resolution, annotation } = resolved;
  const { file, line, column } = at(resolved);
  const name = `Annotation ${annotation.id} (${annotation.concepts.join(', ')})`;
  if (resolution.status === 'orphaned') {
    problems.push(problem(file, line, column, 'error', 'orphaned', `${name} is orphaned: ${resolution.reason} It is kept; find the passage and tag it again, then delete this annotation.`));
  } else if (resolution.status === 'fuzzy') {
    problems.push(problem(file, line, column, 'warning', 'fuzzy', `${name} matches the changed text at ${formatRange(resolution.range)} only approximately (confidence ${resolution.confidence.toFixed(2)}). Check the passage, then run "qcode check --fix" to accept it.`));
  } else if (resolution.status === 'moved' && !annotation.range) {
    problems.push(problem(file, line, column, 'info', 'moved', `${name} has no usable range; its quote is at ${formatRange(resolution.range)}. Run "qcode check --fix" to set the range.`));
  } else if (resolution.status === 'moved') {
    problems.push(problem(file, line, column, 'info', 'moved', `${name} has moved to ${formatRange(resolution.range)}. Run "qcode check --fix" to update its range.`));
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
    project.problems.push(problem(transcript.path, line, column, 'warning', 'unregistered-informant', `The speaker "${turn.speaker}" looks like an informant code but is not in ${project.settings.informants}. Register the informant, or correct the label.`));
  }
}
