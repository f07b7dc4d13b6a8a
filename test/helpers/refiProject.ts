import { renderSidecar } from '../../src/core/sidecar/render';
import { encodeUtf8 } from '../../src/core/text/decode';
import { coded } from './project';

// A project full of what breaks exporters: CRLF and a BOM, emoji and æøå before the passages (so code
// points differ from UTF-16 units), XML special characters and line breaks in memos and labels,
// a three-level codebook with colours, informants with many typed attributes, and an orphan.

export const CASE_GUID = '0b9e3d1c-4f6a-4c2e-9a7b-1d2e3f405162';

export const HARD_CODEBOOK = `concepts:
  - id: samordning
    label: Samordning & <samarbeid>
    description: "Hvordan tjenester henger sammen.\\nAndre linje med \\"sitat\\" og 'apostrof'."
    color: "#4E79A7"
    children:
      - id: samordning.formell
        label: Formell 📋
        color: "#abc"
        children:
          - id: samordning.formell.plan
            label: Individuell plan – æøå ÆØÅ
            color: "#11223344"
      - id: samordning.uformell
        label: Uformell
  - id: fallskjerm
    label: Fallskjermen
`;

export const HARD_INFORMANTS = `informants:
  - code: K1
    guid: "{${CASE_GUID.toUpperCase()}}"
    role: tjenestemottaker
    age: 34
    active: true
    interviewed: 2019-03-12
    note: "a & b <c> \\"d\\""
    height: 1.75
    mixed: 3
    bydel: Grünerløkka
  - code: K2
    role: tjenestemottaker
    age: 41
    active: false
    interviewed: 2019-02-29
    mixed: tre
  - code: L5
    role: leder
`;

/** The text of a CRLF transcript (given here with LF; written with CRLF and a BOM). */
export const CRLF_TEXT = `Intervju med K1 😀
Sted: Tromsø, Ærøy og Å 🏔️🇳🇴

I: Hvem hjelper deg? 👍🏽

K1: Jeg har en god kontakt 😊 i kommunen. Hun ringer meg når det trengs.

I: Og ellers? 𝄞

K1: Ellers går det på personlige relasjoner.
`;

export const EMOJI_TEXT = `K2: 🙂🙂🙂 Først noen emoji, så en lang passasje om å få hjelp på kveldstid når kontoret er stengt og ingen svarer i telefonen, og det går flere dager før noen tar kontakt igjen.

L5: Vi har faste møter 🗓️ hver måned.
`;

export const ORPHAN_QUOTE = 'Denne setningen står ikke i transkripsjonen.';

/** The files of the project, as they would be on disk. */
export function hardProjectFiles(): Record<string, string | Uint8Array> {
  const crlf = [
    coded(CRLF_TEXT, 'Jeg har en god kontakt 😊 i kommunen.', {
      id: 'crf00001',
      concepts: ['samordning.formell', 'fallskjerm'],
      coder: 'ingrid',
      created: '2026-11-20T10:12:00Z',
      memo: 'Memo med & < > " \' og\nen ny linje\r\nog CRLF.',
    }),
    coded(CRLF_TEXT, 'Hun ringer meg når det trengs.\n\nI: Og ellers? 𝄞', {
      id: 'crf00002',
      concepts: ['samordning.uformell'],
      coder: 'ola',
      created: 'not a date',
    }),
    coded(CRLF_TEXT, 'personlige relasjoner', {
      id: 'crf00003',
      concepts: ['samordning.uformell', 'samordning.formell.plan', 'ukjent.konsept'],
    }),
    { id: 'rph00001', concepts: ['fallskjerm'], quote: ORPHAN_QUOTE, coder: 'ingrid' },
  ];
  const emoji = [
    coded(
      EMOJI_TEXT,
      'Først noen emoji, så en lang passasje om å få hjelp på kveldstid når kontoret er stengt og ingen svarer i telefonen, og det går flere dager før noen tar kontakt igjen.',
      { id: 'emj00001', concepts: ['fallskjerm'], coder: 'ingrid', memo: 'Kontrolltegn \u0001 og \uFFFF fjernes.' },
    ),
    coded(EMOJI_TEXT, 'hver måned', { id: 'hand-made id', concepts: ['samordning'], coder: 'ola', informant: 'L5' }),
  ];
  return {
    'codebook.yaml': HARD_CODEBOOK,
    'informants.yaml': HARD_INFORMANTS,
    'transcripts/crlf-K1.txt': encodeUtf8(CRLF_TEXT.replace(/\n/g, '\r\n'), true),
    'transcripts/crlf-K1.txt.annotations.yaml': renderSidecar('crlf-K1.txt', crlf),
    'transcripts/emoji-K2.txt': EMOJI_TEXT,
    'transcripts/emoji-K2.txt.annotations.yaml': renderSidecar('emoji-K2.txt', emoji),
  };
}
