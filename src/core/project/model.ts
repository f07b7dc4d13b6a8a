import type { Resolution } from '../anchoring/anchor';
import type { Codebook } from '../codebook/codebook';
import type { InformantRegistry } from '../informants/registry';
import type { Problem } from '../problems';
import type { Settings } from '../settings/settings';
import type { Annotation } from '../sidecar/annotation';
import type { SpeakerTurn } from '../speakers/turns';
import type { TranscriptText } from '../text/transcriptText';

/** An annotation with where its passage is now. */
export interface ResolvedAnnotation {
  annotation: Annotation;
  resolution: Resolution;
  transcript: TranscriptFile;
  /** The informant: as saved, else the speaker of the turn the passage starts in. */
  informant?: string;
  /** The passage as it reads now; the saved quote when orphaned. */
  text: string;
  /** Where the annotation is written in the sidecar. */
  line: number;
  column: number;
}

export interface TranscriptFile {
  /** Project-relative path of the transcript. */
  path: string;
  sidecarPath: string;
  /** Undefined when the transcript could not be read as text. */
  doc?: TranscriptText;
  hadBom: boolean;
  turns: SpeakerTurn[];
  /** The sidecar as read, when there is one. */
  sidecarText?: string;
  /** The memo on the transcript as a whole (`memo:` at the top of its sidecar). */
  memo?: string;
  /** False when the sidecar exists but could not be read; it must then not be written. */
  sidecarReadable: boolean;
  annotations: ResolvedAnnotation[];
}

export interface Project {
  settings: Settings;
  codebook: Codebook;
  informants: InformantRegistry;
  transcripts: TranscriptFile[];
  problems: Problem[];
}
