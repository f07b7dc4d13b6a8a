import { suggestSimilar, type Codebook } from '../codebook/codebook';
import { englishText, message, quotedAlternatives, type Message, type MessageArg } from '../messages';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../project/model';
import { AgreementError, type AgreementOptions, type ExcludedTranscript } from './report';

/** What an agreement report compares: coders, the transcripts they all coded, and concepts. */
export interface AgreementSelection {
  coders: string[];
  covered: TranscriptFile[];
  excluded: ExcludedTranscript[];
  concepts: string[];
}

/** A found passage with the coder who coded it. */
export type AttributedAnnotation = ResolvedAnnotation & {
  resolution: { start: number; end: number };
  annotation: { coder: string };
};

/** Chooses what to compare; throws an AgreementError for unknown names or fewer than two coders. */
export function selectForAgreement(project: Project, options: AgreementOptions): AgreementSelection {
  const coders = chooseCoders(project, options.coders);
  const covered: TranscriptFile[] = [];
  const excluded: ExcludedTranscript[] = [];
  for (const transcript of project.transcripts) {
    const reason = exclusionReason(transcript, coders);
    if (reason === undefined) covered.push(transcript);
    else excluded.push({ path: transcript.path, reason: englishText(reason), detail: reason });
  }
  return { coders, covered, excluded, concepts: chooseConcepts(project, covered, coders, options.concepts) };
}

/** The transcript's annotations that count: passage found, coder named. */
export function attributedAnnotations(transcript: TranscriptFile): AttributedAnnotation[] {
  return transcript.annotations.filter(
    (resolved): resolved is AttributedAnnotation =>
      resolved.resolution.status !== 'orphaned' && resolved.annotation.coder !== undefined,
  );
}

function chooseCoders(project: Project, requested: readonly string[] | undefined): string[] {
  if (requested !== undefined && requested.length > 0) return requestedCoders(project, requested);
  const coders = sorted(new Set(project.transcripts.flatMap(attributedAnnotations).map((r) => r.annotation.coder)));
  if (coders.length < 2)
    throw new AgreementError(
      'too-few-coders',
      message('Agreement needs two coders or more, but {coders}. Code the transcripts with a second coder first.', {
        coders: describeCoders(coders),
      }),
    );
  return coders;
}

function requestedCoders(project: Project, requested: readonly string[]): string[] {
  const known = sorted(
    new Set(project.transcripts.flatMap((t) => t.annotations.flatMap((r) => r.annotation.coder ?? []))),
  );
  const coders = [...new Set(requested)];
  for (const coder of coders) {
    if (!known.includes(coder))
      throw new AgreementError(
        'unknown-coder',
        unknownName(
          'coder',
          coder,
          known,
          known.length > 0
            ? message('the annotations name {coders}', { coders: known.join(', ') })
            : message('the annotations name no coder'),
        ),
      );
  }
  if (coders.length < 2)
    throw new AgreementError(
      'too-few-coders',
      message('Agreement needs two coders or more; only "{coder}" was chosen. Name another one.', {
        coder: coders[0] ?? '',
      }),
    );
  return coders;
}

function describeCoders(coders: readonly string[]): Message {
  return coders.length === 0
    ? message('no annotation with a found passage names its coder')
    : message('the annotations name only {coder}', { coder: coders[0] ?? '' });
}

function exclusionReason(transcript: TranscriptFile, coders: readonly string[]): Message | undefined {
  if (!transcript.doc) return message('could not be read as text');
  const present = new Set(attributedAnnotations(transcript).map((r) => r.annotation.coder));
  const missing = coders.filter((coder) => !present.has(coder));
  return missing.length > 0 ? message('not coded by {coders}', { coders: missing.join(', ') }) : undefined;
}

function chooseConcepts(
  project: Project,
  covered: readonly TranscriptFile[],
  coders: readonly string[],
  requested: readonly string[] | undefined,
): string[] {
  const chosen = new Set(coders);
  const used = new Set(
    covered
      .flatMap(attributedAnnotations)
      .filter((r) => chosen.has(r.annotation.coder))
      .flatMap((r) => r.annotation.concepts),
  );
  if (requested === undefined || requested.length === 0) return inCodebookOrder(used, project.codebook);
  const known = new Set([
    ...[...project.codebook.all()].map((c) => c.id),
    ...project.transcripts.flatMap((t) => t.annotations.flatMap((r) => r.annotation.concepts)),
  ]);
  const wanted = new Set<string>();
  for (const id of requested) {
    if (!known.has(id))
      throw new AgreementError(
        'unknown-concept',
        unknownName(
          'concept',
          id,
          [...known],
          message('use ids from {codebook}', { codebook: project.settings.codebook }),
        ),
      );
    wanted.add(id);
    for (const below of project.codebook.subtreeIds(id)) if (used.has(below)) wanted.add(below);
  }
  return inCodebookOrder(wanted, project.codebook);
}

/** Codebook order first, then ids the codebook does not have, alphabetically. */
function inCodebookOrder(ids: ReadonlySet<string>, codebook: Codebook): string[] {
  const ordered = [...codebook.all()].map((c) => c.id).filter((id) => ids.has(id));
  return [...ordered, ...sorted([...ids].filter((id) => !codebook.has(id)))];
}

function unknownName(kind: 'coder' | 'concept', name: string, known: readonly string[], advice: Message): Message {
  const similar = suggestSimilar(name, known);
  const hint: MessageArg =
    similar.length > 0 ? message(' (did you mean {names}?)', { names: quotedAlternatives(similar) }) : '';
  return kind === 'coder'
    ? message('Unknown coder "{name}"{hint}; {advice}.', { name, hint, advice })
    : message('Unknown concept "{name}"{hint}; {advice}.', { name, hint, advice });
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => a.localeCompare(b));
}
