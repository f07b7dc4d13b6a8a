import { clockMark } from './clock';
import type { Utterance } from './model';

interface Paragraph {
  label?: string;
  seconds?: number;
  parts: string[];
}

/**
 * A transcript in qcode's form: one paragraph per speaker turn, starting with the speaker's label
 * (`K3: ...`), consecutive cues of one speaker joined, and the time the turn starts, when the
 * source has it, as `[hh:mm:ss]` on the line before, as in the sample project. Utterances without
 * a speaker stay paragraphs of their own, unless they go on the one before.
 */
export function qcodeText(utterances: readonly Utterance[], labelOf: (speaker: string) => string): string {
  const paragraphs: Paragraph[] = [];
  for (const utterance of utterances) {
    const text = utterance.text.trim();
    if (text === '') continue;
    const label = utterance.speaker === undefined ? undefined : labelOf(utterance.speaker);
    const last = paragraphs[paragraphs.length - 1];
    const joins =
      last !== undefined &&
      (label !== undefined ? last.label === label : last.label === undefined && utterance.continues === true);
    if (joins) {
      last.parts.push(text);
      last.seconds ??= utterance.seconds;
    } else
      paragraphs.push({
        ...(label !== undefined ? { label } : {}),
        ...(utterance.seconds !== undefined ? { seconds: utterance.seconds } : {}),
        parts: [text],
      });
  }
  return paragraphs.map(render).join('\n\n') + (paragraphs.length > 0 ? '\n' : '');
}

function render({ label, seconds, parts }: Paragraph): string {
  const time = seconds === undefined ? '' : `${clockMark(seconds)}\n`;
  return `${time}${label === undefined ? '' : `${label}: `}${parts.join(' ')}`;
}
