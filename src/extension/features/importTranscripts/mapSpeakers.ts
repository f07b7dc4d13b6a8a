import * as vscode from 'vscode';
import type { ParsedTranscript } from '../../../core/transcripts/model';
import { findSpeakers, type FoundSpeaker } from '../../../core/transcripts/speakers';
import { t } from '../../shared/l10n/displayLanguage';

interface Choice extends vscode.QuickPickItem {
  label: string;
  code?: string;
  ask?: boolean;
}

/**
 * Asks, for each speaker of the transcripts, who they are: an informant in the registry, the
 * interviewer, a new informant, or no one in particular (a neutral label). Undefined when the
 * researcher cancels.
 */
export async function mapSpeakers(
  parsed: readonly ParsedTranscript[],
  informants: readonly string[],
): Promise<Map<string, string> | undefined> {
  const mapping = new Map<string, string>();
  const speakers = parsed.flatMap((p) => findSpeakers(p.utterances));
  const seen = new Set<string>();
  for (const [index, speaker] of speakers.entries()) {
    if (seen.has(speaker.name)) continue;
    seen.add(speaker.name);
    const code = await askFor(speaker, index + 1, speakers.length, informants);
    if (code === undefined) return undefined;
    if (code !== '') mapping.set(speaker.name, code);
  }
  return mapping;
}

async function askFor(
  speaker: FoundSpeaker,
  step: number,
  steps: number,
  informants: readonly string[],
): Promise<string | undefined> {
  const items: Choice[] = [
    ...informants.map((code) => ({ label: code, description: t('informant'), code })),
    { label: 'I', description: t('the interviewer'), code: 'I' },
    { label: t('New informant…'), ask: true },
    { label: t('Neutral label (S1, S2, …)'), code: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Who is "{0}"? ({1}/{2})', speaker.name, step, steps),
    placeHolder: t('First words: {0}', speaker.firstWords),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (!picked.ask) return picked.code;
  return vscode.window
    .showInputBox({
      title: t('Informant code for "{0}"', speaker.name),
      prompt: t('A code such as K4, as it will stand in the transcript and in citations.'),
      ignoreFocusOut: true,
      validateInput: (value) =>
        /^\p{Lu}{1,3}\d{0,3}$/u.test(value.trim()) ? undefined : t('Use capital letters and digits, such as K4.'),
    })
    .then((value) => value?.trim());
}
