import type { Project, TranscriptFile } from '../project/model';
import { informantCodeRegExp } from '../settings/settings';
import { codingRuns, type CodingRun, type Span } from './codingRuns';
import { disagreementsIn } from './disagreements';
import { agreementFigures, CODED } from './figures';
import type { AgreementOptions, AgreementReport, ConceptAgreement, Disagreement } from './report';
import { attributedAnnotations, selectForAgreement, type AgreementSelection } from './selection';
import { tallyUnits, type WeightedUnit } from './units';

export type { AgreementOptions, AgreementReport } from './report';
export { AgreementError } from './report';

/**
 * Character-level intercoder agreement, as NVivo's coding comparison: per concept, each character
 * of each transcript that every chosen coder coded is a unit, and a coder's value is whether one
 * of the coder's annotations with that concept covers it. Orphaned annotations take no part.
 * Throws an AgreementError when fewer than two coders are chosen or a coder or concept is unknown.
 */
export function computeAgreement(project: Project, options: AgreementOptions = {}): AgreementReport {
  const selection = selectForAgreement(project, options);
  const { coders, covered } = selection;
  const informantCode = informantCodeRegExp(project.settings);
  const comparison: Comparison = {
    coders,
    covered,
    spans: codedSpans(covered, coders),
    isInformant: (code) => informantCode.test(code),
  };
  const compared = selection.concepts.map((conceptId) => compareConcept(conceptId, comparison));
  const transcripts = covered.map((t) => ({ path: t.path, characters: t.doc?.text.length ?? 0 }));
  return {
    coders,
    transcripts,
    excluded: selection.excluded,
    characters: transcripts.reduce((total, t) => total + t.characters, 0),
    orphansSkipped: countOrphans(project, selection, options),
    perConcept: compared.map((c) => c.agreement),
    overall: agreementFigures(
      compared.flatMap((c) => c.units),
      coders,
    ),
    disagreements: compared.flatMap((c) => c.disagreements),
  };
}

/** What every concept is compared over. */
interface Comparison {
  coders: string[];
  covered: TranscriptFile[];
  spans: Map<TranscriptFile, Map<string, Span[][]>>;
  isInformant: (code: string) => boolean;
}

/** One concept over the covered transcripts: its figures, its (tallied) units for pooling, its disagreements. */
function compareConcept(
  conceptId: string,
  { coders, covered, spans, isInformant }: Comparison,
): { agreement: ConceptAgreement; units: WeightedUnit[]; disagreements: Disagreement[] } {
  const units: WeightedUnit[] = [];
  const disagreements: Disagreement[] = [];
  for (const transcript of covered) {
    const runs = codingRuns(
      transcript.doc?.text.length ?? 0,
      spans.get(transcript)?.get(conceptId) ?? coders.map(() => []),
    );
    units.push(...tallyUnits(runs.map(unitOf)));
    disagreements.push(...disagreementsIn(transcript, conceptId, runs, coders, isInformant));
  }
  const tallied = tallyUnits(units);
  return { agreement: { conceptId, ...agreementFigures(tallied, coders) }, units: tallied, disagreements };
}

/** Per transcript and concept, each coder's coded passages (index = position in `coders`). */
function codedSpans(
  covered: readonly TranscriptFile[],
  coders: readonly string[],
): Map<TranscriptFile, Map<string, Span[][]>> {
  const byTranscript = new Map<TranscriptFile, Map<string, Span[][]>>();
  for (const transcript of covered) {
    const byConcept = new Map<string, Span[][]>();
    for (const resolved of attributedAnnotations(transcript)) {
      const coder = coders.indexOf(resolved.annotation.coder);
      if (coder < 0) continue;
      for (const conceptId of new Set(resolved.annotation.concepts)) {
        const perCoder = byConcept.get(conceptId) ?? coders.map(() => []);
        perCoder[coder]?.push({ start: resolved.resolution.start, end: resolved.resolution.end });
        byConcept.set(conceptId, perCoder);
      }
    }
    byTranscript.set(transcript, byConcept);
  }
  return byTranscript;
}

function unitOf(run: CodingRun): WeightedUnit {
  return { values: run.coded.map((coded) => (coded ? CODED : 0)), weight: run.end - run.start };
}

/** Orphaned annotations of the chosen coders (with a chosen concept, when concepts were asked for). */
function countOrphans(project: Project, selection: AgreementSelection, options: AgreementOptions): number {
  const coders = new Set(selection.coders);
  const concepts = new Set(selection.concepts);
  const filtered = (options.concepts?.length ?? 0) > 0;
  return project.transcripts
    .flatMap((t) => t.annotations)
    .filter(
      (r) => r.resolution.status === 'orphaned' && r.annotation.coder !== undefined && coders.has(r.annotation.coder),
    )
    .filter((r) => !filtered || r.annotation.concepts.some((c) => concepts.has(c))).length;
}
