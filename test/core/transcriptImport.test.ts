import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { trustedLabels } from '../../src/core/transcripts/labels';
import { TranscriptReadError } from '../../src/core/transcripts/model';
import { qcodeText } from '../../src/core/transcripts/qcodeForm';
import { readTranscript } from '../../src/core/transcripts/readTranscript';
import { findSpeakers, labelSpeakers } from '../../src/core/transcripts/speakers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'transcripts');
const isLabel = (name: string): boolean => /^\p{Lu}{1,3}\d{0,3}$/u.test(name);

function imported(
  name: string,
  bytes: Uint8Array,
  mapping = new Map<string, string>(),
): { text: string; style: string; speakers: string[] } {
  const parsed = readTranscript(name, bytes);
  const speakers = labelSpeakers(findSpeakers(parsed.utterances), mapping, isLabel);
  const labels = new Map(speakers.flatMap((s) => s.variants.map((v) => [v, s.label] as const)));
  return {
    text: qcodeText(parsed.utterances, (s) => labels.get(s) ?? s),
    style: parsed.style,
    speakers: speakers.map((s) => `${s.variants.join('|')}=${s.label}`),
  };
}

const fixture = (name: string): ReturnType<typeof imported> => imported(name, readFileSync(join(FIXTURES, name)));

describe('importing transcripts from transcription tools', () => {
  const expected: Record<string, string> = {
    'zoom.vtt':
      '[00:00:02]\nS1: Takk for at du ville være med. Kan du fortelle om første møte med kommunen?\n\n[00:00:10]\nS2: Det var etter at jeg ble skrevet ut fra DPS, og så sto jeg på trappa.\n\n[00:00:17]\nog det var tungt\n\n[00:00:19]\nS1: Hvem hjalp deg da? 😊\n',
    'zoom-identifiers.vtt':
      '[00:00:01]\nS1: Velkommen, og takk for at du kom.\n\n[00:00:04]\nS2: Takk selv. Jeg er litt nervøs, men det går fint. Bare spør.\n',
    'teams.vtt':
      '[00:00:03]\nS1: Da begynner vi. Hører du meg?\n\n[00:00:06]\nS2: Ja, jeg hører deg. Vi bor i Trøndelag, begge to & barna. Det er <langt> unna.\n',
    'teams-guid.vtt': '[00:00:00]\nS1: Hei, er opptaket i gang?\n\n[00:00:03]\nS2: Ja, det er det.\n',
    'whisper.vtt':
      '[00:00:00]\nDet var egentlig fastlegen min som ringte rundt. Ellers hadde ingen fanget meg opp.\n\n[00:00:09]\nSå kom jeg til aktivitetssenteret.\n',
    'whisperx.vtt':
      '[00:00:00]\nS1: Hvordan var den første tiden?\n\n[00:00:02]\nS2: Tung. Jeg bor alene. Familien bor langt unna.\n',
    'youtube.vtt': '[00:00:00]\ndet var etter at jeg flyttet hjem igjen\n',
    'notes-styles.vtt': '[00:00:01]\nS1: Hei, jeg heter Kari.\n\n[00:00:04]\nS2: Og jeg er Per.\n',
    'otter.srt':
      '[00:00:01]\nS1: Hvordan er en vanlig uke for deg?\n\n[00:00:04]\nS2: Tirsdag og fredag er jeg på kjøkkengruppa. Vi lager lunsj til alle.\n\n[00:00:10]\nS1: Og onsdag?\n',
    'plain.srt': '[00:00:00]\nDet var en tung tid. Men det gikk over.\n',
    'otter.txt':
      '[00:00:03]\nS1: Jeg vet ikke helt hvor jeg skal begynne.\n\n[00:00:09]\nS2: Begynn der det føles riktig.\n\n[01:02:15]\nS1: Da begynner jeg med sykehuset. Det var der alt startet.\n',
    'rev.txt':
      '[00:00:03]\nS1: Takk for at du stiller opp.\n\n[00:00:07]\nS2: Bare hyggelig. Jeg har mye å si om NAV.\n\n[01:10:02]\nS1: Da starter vi der.\n',
    'zoom-captions.txt': '[12:01:33]\nS1: Er alle klare?\n\n[12:01:40]\nS2: Ja, jeg er her.\n',
    'whisperx.txt': '[00:00:06]\nS1: Hei.\n\n[00:00:07]\nS2: Hei, skal vi begynne? Jeg er klar.\n',
    'labels.txt':
      'Intervju med informant, mars 2019\n\nI: Hvordan kom du i kontakt med kommunen?\n\nK3: Det var etter at jeg ble skrevet ut. Jeg hadde vært innlagt i seks uker.\n\nI: Og så?\n\nK3: Så sto jeg på trappa. Merk: ingen hadde sagt noe.\n',
    'f4.txt':
      '[00:01:01]\nI: Wie ging es Ihnen danach?\n\n[00:01:15]\nB: Nicht gut. Ich war allein.\n\n[00:01:20]\nI: Und dann?\n',
    'no-speakers.md': '# Feltnotat\n\nNotat: Dette er bare tekst uten talere.\n\nEt avsnitt til, med æ, ø og å.\n',
    'zoom-roles.vtt':
      '[00:00:00]\nS1: Da kan vi\n\n[00:00:01]\nS2: begynne, ja. Jeg er klar. Eller\n\n[00:00:07]\nnesten klar, må bare\n\n[00:00:09]\nS2: finne brillene.\n\n[00:00:16]\nS1: Ja. Fortell om den første uka etter at du flyttet.\n\n[00:00:44]\nS2: Mm. Den var rar. Ingen visste hvem jeg var på kontoret.\n',
    'teams-graph.vtt':
      '[00:00:03]\nS1: Hei. Hører du meg nå? Bra.\n\n[00:00:10]\nS2: Ja, jeg hører deg fint. Lyden er god her.\n\n[00:01:02]\nS1: Da setter vi i gang.\n',
    'rev-podcast.md':
      '--- gjest: Åse Bråthen tittel: "Samtale om bolig" dato: 2025-03-04 ---\n\n# Samtale om bolig\n\n## Transkripsjon\n\n[00:00:00]\nS1: Velkommen. Vi snakker om bolig i dag.\n\n[00:00:04]\nS2: Takk. Det er et tema jeg har tenkt mye på.\n\n[00:00:09]\nS1: Hvor begynte det for deg?\n\n[00:00:11]\nS2: Det begynte med en oppsigelse. Jeg fikk et brev en fredag. Så gikk det tre uker før noen ringte tilbake. Og da var det for sent å klage.\n\n[00:01:02]\nS1: Å?\n\n[00:01:03]\nS2: Ja.\n',
  };
  for (const [name, text] of Object.entries(expected)) {
    it(`writes ${name} in qcode's form`, () => assert.equal(fixture(name).text, text));
  }

  it('offers the variants of one name as one speaker and takes a mapping for any of them', () => {
    const zoom = imported(
      'zoom.vtt',
      readFileSync(join(FIXTURES, 'zoom.vtt')),
      new Map([
        ['maria', 'I'],
        ['Kari Nordmann', 'K4'],
      ]),
    );
    assert.deepEqual(zoom.speakers, ['Maria Hansen Berg|Maria=I', 'Kari Nordmann=K4']);
    assert.match(zoom.text, /^\[00:00:02\]\nI: Takk/);
    assert.match(zoom.text, /\nK4: Det var etter/);
  });

  it('maps a name to a label whether or not the role Zoom or Teams shows after it is given', () => {
    const zoom = fixture('zoom-roles.vtt');
    assert.deepEqual(zoom.speakers, ['Kari Nordmann (intervjuer)=S1', 'Åse Bråthen=S2']);
    const mapped = imported(
      'zoom-roles.vtt',
      readFileSync(join(FIXTURES, 'zoom-roles.vtt')),
      new Map([
        ['kari nordmann', 'I'],
        ['Åse Bråthen', 'K4'],
      ]),
    );
    assert.deepEqual(mapped.speakers, ['Kari Nordmann (intervjuer)=I', 'Åse Bråthen=K4']);
    const teams = imported(
      'teams-graph.vtt',
      readFileSync(join(FIXTURES, 'teams-graph.vtt')),
      new Map([['Ola Hansen', 'K5']]),
    );
    assert.deepEqual(teams.speakers, ['Kari Nordmann=S1', 'Ola Hansen (Gjest)=K5']);
  });

  it("reads Otter's header lines with spaces after the time, and its unnamed speakers, a sentence going on across them", () => {
    const text =
      'Kari Nordmann  0:10  \nHei, her er vi igjen. Så\n\nSpeaker 1  0:21  \nmed det nye oppsettet, ja.\n\nUnknown Speaker  9:40  \nJa.\n';
    const read = imported('otter-ukjent.txt', strToU8(text));
    assert.equal(
      read.text,
      '[00:00:10]\nS1: Hei, her er vi igjen. Så\n\n[00:00:21]\nS2: med det nye oppsettet, ja.\n\n[00:09:40]\nS3: Ja.\n',
    );
    assert.deepEqual(read.speakers, ['Kari Nordmann=S1', 'Speaker 1=S2', 'Unknown Speaker=S3']);
  });

  it('reads timestamps without their zeros, as Microsoft Graph writes them, with CRLF too', () => {
    const vtt =
      'WEBVTT\r\n\r\n0:0:0.0 --> 0:0:2.5\r\n<v Kari>Hei.</v>\r\n0:1:2.25 --> 0:1:4.0\r\n<v Ola>Hei, hei.</v>\r\n';
    assert.equal(imported('graph.vtt', strToU8(vtt)).text, '[00:00:00]\nS1: Hei.\n\n[00:01:02]\nS2: Hei, hei.\n');
  });

  it('trusts one-off labels when nearly every line has one, not a few among paragraphs without', () => {
    assert.deepEqual([...trustedLabels(['Maria Hansen Berg', 'Ola', 'Maria'])], ['Maria Hansen Berg', 'Ola', 'Maria']);
    assert.deepEqual([...trustedLabels(['Viktig', undefined, 'Merk', undefined, 'Hun sa', undefined])], []);
    assert.deepEqual([...trustedLabels(['I', 'K3', undefined, 'I'])], ['I', 'K3']);
  });

  it('keeps names that are labels already, and gives the others S1, S2 not taken', () => {
    const speakers = labelSpeakers(
      findSpeakers([
        { speaker: 'S1', text: 'a', line: 1 },
        { speaker: 'Per', text: 'b', line: 2 },
      ]),
      new Map(),
      isLabel,
    );
    assert.deepEqual(
      speakers.map((s) => s.label),
      ['S1', 'S2'],
    );
  });

  it('says which tool it recognised', () => {
    assert.equal(fixture('teams.vtt').style, 'voice tags (Teams)');
    assert.equal(fixture('zoom-identifiers.vtt').style, 'speakers in cue identifiers (Zoom)');
    assert.equal(fixture('youtube.vtt').style, 'YouTube automatic captions');
    assert.equal(fixture('otter.txt').style, 'Otter');
  });

  describe('Word documents', () => {
    const run = (text: string, bold = false): string =>
      `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
    const docx = (body: string, part = 'word/document.xml'): Uint8Array =>
      zipSync({
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        '_rels/.rels': strToU8(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/></Relationships>`,
        ),
        [part]: strToU8(
          `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
        ),
      });

    it('reads Name: labels', () => {
      assert.equal(
        imported('a.docx', docx(p(run('I: Hvordan går det?')) + p(run('K3: Bra, takk.')) + p(run('I: Fint.')))).text,
        'I: Hvordan går det?\n\nK3: Bra, takk.\n\nI: Fint.\n',
      );
    });

    it('reads bold speaker names', () => {
      const body =
        p(run('Kari Nordmann', true), run(' Jeg kom hjem.')) +
        p(run('Maria', true), run(': Og så?')) +
        p(run('Kari Nordmann', true), run(' Ingen ringte.'));
      assert.equal(imported('b.docx', docx(body)).text, 'S1: Jeg kom hjem.\n\nS2: Og så?\n\nS1: Ingen ringte.\n');
    });

    it('reads a speaker-name paragraph followed by the text (Otter)', () => {
      const body =
        p(run('Kari Nordmann  0:03', true)) + p(run('Jeg kom hjem.')) + p(run('Maria  0:10', true)) + p(run('Og så?'));
      assert.equal(imported('c.docx', docx(body)).text, '[00:00:03]\nS1: Jeg kom hjem.\n\n[00:00:10]\nS2: Og så?\n');
    });

    it("reads Word Transcribe's headings from document2.xml", () => {
      const body =
        p(run('00:00:03 Speaker 1')) + p(run('Hei og velkommen.')) + p(run('00:00:09 Speaker 2')) + p(run('Takk.'));
      const read = imported('d.docx', docx(body, 'word/document2.xml'));
      assert.equal(read.text, '[00:00:03]\nS1: Hei og velkommen.\n\n[00:00:09]\nS2: Takk.\n');
      assert.equal(read.style, 'Word Transcribe');
    });

    it('reads f4 time marks and dash labels', () => {
      const body =
        p(run('I – Wie war das? #00:01:01-9#')) + p(run('B – Schwer. #00:01:09-2#')) + p(run('I – Und dann?'));
      assert.equal(
        imported('e.docx', docx(body)).text,
        '[00:01:01]\nI: Wie war das?\n\n[00:01:09]\nB: Schwer.\n\nI: Und dann?\n',
      );
    });

    it('reads tables of time, speaker and text', () => {
      const row = (...cells: string[]): string =>
        `<w:tr>${cells.map((c) => `<w:tc>${p(run(c))}</w:tc>`).join('')}</w:tr>`;
      const body = `<w:tbl>${row('00:00:01', 'Kari', 'Jeg kom hjem i går.')}${row('00:00:05', 'Per', 'Og så?')}</w:tbl>`;
      assert.equal(
        imported('f.docx', docx(body)).text,
        '[00:00:01]\nS1: Jeg kom hjem i går.\n\n[00:00:05]\nS2: Og så?\n',
      );
    });

    it('keeps paragraphs without labels as they are', () => {
      assert.equal(
        imported('g.docx', docx(p(run('Første avsnitt.')) + p(run('Andre avsnitt.')))).text,
        'Første avsnitt.\n\nAndre avsnitt.\n',
      );
    });

    it('invents no speakers in a document without labels: a bold title, a bold word, a lone "Merk:" stay text', () => {
      const body = [
        p(run('Intervju på dagsenteret', true)),
        p(),
        p(run('Vi møttes i kantina. Det var '), run('stille', true), run(' der.')),
        p(run('Viktig', true), run(': hun ville ikke bli tatt opp.')),
        p(run('Merk: dette er bare notater.')),
        // Word splits runs inside words (spelling, revisions): the word stays whole.
        p(run('Førs'), run('te gang, '), run('kl. 10:30,'), run(' kom hun tilbake.')),
        p(run('Hun sa:'), '<w:r><w:tab/></w:r>', run('«Det går bra.»')),
      ].join('');
      const read = imported('ingen-talere.docx', docx(body));
      assert.equal(
        read.text,
        [
          'Intervju på dagsenteret',
          'Vi møttes i kantina. Det var stille der.',
          'Viktig: hun ville ikke bli tatt opp.',
          'Merk: dette er bare notater.',
          'Første gang, kl. 10:30, kom hun tilbake.',
          'Hun sa: «Det går bra.»',
        ].join('\n\n') + '\n',
      );
      assert.deepEqual(read.speakers, []);
      assert.equal(read.style, 'no speakers');
    });

    it("keeps a bold title above Otter's bold name paragraphs as a paragraph of its own", () => {
      const body =
        p(run('Intervju 3', true)) +
        p(run('Kari Nordmann', true)) +
        p(run('Jeg kom hjem.')) +
        p(run('Maria', true)) +
        p(run('Og så?')) +
        p(run('Kari Nordmann', true)) +
        p(run('Ingen ringte.')) +
        p(run('Maria', true)) +
        p(run('Nei.'));
      const read = imported('otter-tittel.docx', docx(body));
      assert.equal(read.text, 'Intervju 3\n\nS1: Jeg kom hjem.\n\nS2: Og så?\n\nS1: Ingen ringte.\n\nS2: Nei.\n');
      assert.deepEqual(read.speakers, ['Kari Nordmann=S1', 'Maria=S2']);
    });

    it('refuses a damaged document, naming it', () => {
      assert.throws(
        () => readTranscript('h.docx', strToU8('PK\u0003\u0004 not a zip')),
        (e: unknown) =>
          e instanceof TranscriptReadError && /h\.docx: cannot be read as a Word document/.test(e.message),
      );
    });
  });

  describe('bad files', () => {
    const refuses = (name: string, text: string, pattern: RegExp): void => {
      assert.throws(
        () => readTranscript(name, strToU8(text)),
        (e: unknown) => e instanceof TranscriptReadError && pattern.test(e.message),
      );
    };
    it('refuses a WebVTT cue whose timing cannot be read, with its line', () =>
      refuses('a.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n\n00:03.000 --> bad\nlost words\n', /^a\.vtt:6: /));
    it('refuses an SRT cue whose timing cannot be read, with the line of the SRT file', () =>
      refuses(
        'a.srt',
        '1\n00:00:01,000 --> 00:00:02,000\nHei\n\n2\n00:00:0x,000 --> 00:00:04,000\nlost\n',
        /^a\.srt:6: /,
      ));
    it('refuses a .vtt without its signature', () =>
      refuses('b.vtt', '00:01.000 --> 00:02.000\nHei\n', /^b\.vtt:1: is not a WebVTT file/));
    it('refuses an empty file', () => refuses('c.vtt', '  \n', /c\.vtt: is empty/));
    it('refuses a WebVTT file with no text', () =>
      refuses('d.vtt', 'WEBVTT\n\nNOTE only a note\n', /d\.vtt: has no text/));
    it('refuses text that is not UTF-8, with its line', () => {
      assert.throws(
        () => readTranscript('e.txt', new Uint8Array([0x61, 0x0a, 0x62, 0xf8, 0x0a])),
        (e: unknown) => e instanceof TranscriptReadError && /^e\.txt:2: .*not valid UTF-8/.test(e.message),
      );
    });
    it('reads UTF-16 text as Word saves it', () => {
      const utf16 = new Uint8Array([
        0xff,
        0xfe,
        ...[...'I: Hei på deg\r\n\r\nK1: Hei\r\n\r\nI: ja'].flatMap((c) => [
          c.charCodeAt(0) & 0xff,
          c.charCodeAt(0) >> 8,
        ]),
      ]);
      assert.equal(imported('f.txt', utf16).text, 'I: Hei på deg\n\nK1: Hei\n\nI: ja\n');
    });
  });

  describe('every spoken word kept, in order, once', () => {
    const word = fc
      .array(fc.constantFrom('a', 'B', 'æ', 'ø', 'Å', '7', '😀', '.', ','), { minLength: 1, maxLength: 8 })
      .map((chars) => chars.join(''));
    const cue = fc.record({
      speaker: fc.constantFrom(undefined, 'Kari Nordmann', 'Per', 'SPEAKER_01'),
      words: fc.array(word, { minLength: 1, maxLength: 6 }),
      gap: fc.integer({ min: 0, max: 4 }),
    });
    // Labels and time marks are no spoken words; a label used once among unlabelled cues stays in the text.
    const words = (text: string): string[] =>
      text
        .split(/\s+/)
        .filter(
          (w) =>
            w !== '' &&
            !/^\[\d\d:\d\d:\d\d\]$/.test(w) &&
            !/^(?:S\d+|K4|Per|Nordmann|\[SPEAKER_01\]):$/.test(w) &&
            w !== 'Kari',
        );

    it('through WebVTT and SRT, with CRLF or LF', () => {
      fc.assert(
        fc.property(fc.array(cue, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (cues, srt, crlf) => {
          let at = 0;
          const blocks = cues.map((c, i) => {
            const start = at + c.gap;
            at = start + 1;
            const time = (s: number): string =>
              `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}${srt ? ',' : '.'}000`;
            const text =
              (c.speaker ? (c.speaker === 'SPEAKER_01' ? `[${c.speaker}]: ` : `${c.speaker}: `) : '') +
              c.words.join(' ');
            return `${i + 1}\n${time(start)} --> ${time(start + 1)}\n${text}`;
          });
          const file = (srt ? '' : 'WEBVTT\n\n') + blocks.join('\n\n') + '\n';
          const out = imported(
            srt ? 'p.srt' : 'p.vtt',
            strToU8(crlf ? file.replace(/\n/g, '\r\n') : file),
            new Map([['Kari Nordmann', 'K4']]),
          ).text;
          assert.deepEqual(
            words(out),
            cues.flatMap((c) => c.words),
          );
        }),
        { numRuns: 200 },
      );
    });
  });
});
