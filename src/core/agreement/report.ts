import { englishText, type Message } from '../messages';

/** What to compare; both lists are optional. */
export interface AgreementOptions {
  /** Coder names; default: every coder with an annotation whose passage was found. */
  coders?: string[];
  /** Concept ids, each with those below it that a chosen coder used; default: every concept a chosen coder used. */
  concepts?: string[];
}

/** A transcript every chosen coder coded: its characters are the units. */
export interface CoveredTranscript {
  path: string;
  characters: number;
}

export interface ExcludedTranscript {
  path: string;
  /** In English, as the command line prints it. */
  reason: string;
  /** The reason to translate: its English text is `reason`. */
  detail: Message;
}

export interface PairKappa {
  coders: [string, string];
  kappa: number | null;
}

export interface KappaFigures {
  /** Cohen's kappa of each pair of coders. */
  pairs: PairKappa[];
  /** The mean of the pairs' kappas that are defined; with two coders, their kappa. */
  mean: number | null;
}

/** Agreement over a set of character units. Null where a figure is undefined (no variation). */
export interface AgreementFigures {
  /** Per cent of the characters on which all coders agree. */
  percentAgreement: number | null;
  kappa: KappaFigures;
  /** Krippendorff's alpha (nominal) over all chosen coders. */
  alpha: number | null;
  /** Per coder: how many characters the coder coded. */
  codedCharacters: Record<string, number>;
}

export interface ConceptAgreement extends AgreementFigures {
  conceptId: string;
}

/** A maximal stretch of text that some coders coded with a concept and others did not. */
export interface Disagreement {
  transcript: string;
  conceptId: string;
  /** Offsets into the transcript's text (line breaks as \n, UTF-16 code units), whitespace at either end left out. */
  start: number;
  end: number;
  /** 1-based, as the editor shows them; the end is exclusive. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** The text on one line, shortened for display. */
  quote: string;
  codedBy: string[];
  notCodedBy: string[];
  /** The speaker of the turn the stretch starts in, when that is an informant. */
  informant: string | null;
}

export interface AgreementReport {
  coders: string[];
  /** The transcripts compared, and the characters of each. */
  transcripts: CoveredTranscript[];
  excluded: ExcludedTranscript[];
  /** Characters compared per concept: the covered transcripts' characters together. */
  characters: number;
  /** Annotations by the chosen coders whose passage was not found; they take no part. */
  orphansSkipped: number;
  perConcept: ConceptAgreement[];
  /** All concepts together: every character once per concept. */
  overall: AgreementFigures;
  disagreements: Disagreement[];
}

/** Why agreement cannot be computed for these options. */
export class AgreementError extends Error {
  constructor(
    readonly code: 'too-few-coders' | 'unknown-coder' | 'unknown-concept',
    readonly detail: Message,
  ) {
    super(englishText(detail));
    this.name = 'AgreementError';
  }
}
