import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, scratchProject, write } from '../cli/cliHarness';
import { scratchDir } from '../helpers/scratch';
import { hasSoffice, soffice } from '../helpers/soffice';

// The page's picture goes where the end-to-end runs put theirs (see test/e2e/codeServer.js).
const SCREENSHOTS =
  process.env.QCODE_UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, 'screenshots')
    : join(__dirname, '../../out/screenshots/docx');

describe('qcode codebook --format docx, read by LibreOffice', function () {
  this.timeout(300_000);
  let text: string;
  let lines: string[];

  before(async () => {
    assert.ok(
      hasSoffice(),
      'LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-draw-nogui, or run test/e2e/install.sh',
    );
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'language: nb\n');
    const docx = join(dir, 'kodebok.docx');
    const result = await qcode('codebook', dir, '--format', 'docx', '--counts', '--examples', '--out', docx);
    assert.equal(result.code, 0, result.stderr);
    const out = scratchDir('qcode-codebook-docx-');
    soffice('txt:Text', docx, out, join(out, 'profile'));
    text = readFileSync(join(out, 'kodebok.txt'), 'utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n');
    lines = text.split('\n').filter((line) => line.trim() !== '');
    mkdirSync(SCREENSHOTS, { recursive: true });
    soffice('png', docx, out, join(out, 'profile'));
    copyFileSync(join(out, 'kodebok.png'), join(SCREENSHOTS, 'kodebok.png'));
  });

  it('has the title, then every concept under its number in codebook order', () => {
    assert.equal(lines[0], 'Kodebok');
    const headings = [
      '1 Samordning',
      '1.1 Formell samordning',
      '2 Tjenestemodell',
      '3.3 Fallskjermen',
      '4.2 Moralske disposisjoner',
      '4.2.1 Den likegyldige',
      '5.1 Aktivitetssenteret',
      '7 Ressurser og arbeidspress',
    ];
    let from = 0;
    for (const heading of headings) {
      const at = lines.indexOf(heading, from);
      assert.ok(at >= from, `heading "${heading}" after line ${from}:\n${lines.join('\n')}`);
      from = at + 1;
    }
  });

  it('has the definition, the criteria, the counts and the anchor examples with their citations under a concept', () => {
    const at = lines.indexOf('3.3 Fallskjermen');
    assert.deepEqual(lines.slice(at, at + 8), [
      '3.3 Fallskjermen',
      'Available, also outside working hours, and catches the user when life falls apart.',
      "Inklusjon: The helper can be reached, or steps in, when the user's life falls apart, also in the evening, at weekends or on a private phone.",
      'Eksklusjon: Help that is planned and given within working hours; that is the facilitator.',
      'Kodede utdrag: 5 (ansatt 1, leder 1, tjenestemottaker 3)',
      'Ankereksempler:',
      '«En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte.» (K3)',
      '«Jeg har gitt nummeret mitt til et par brukere som jeg vet ikke har noen andre. Det er ikke noe lederen har bedt om.» (L7)',
    ]);
  });

  it('says what the counts count, and gives every concept its count', () => {
    assert.ok(lines.includes('24 begreper, 67 kodede utdrag.'), lines.slice(0, 4).join('\n'));
    assert.ok(
      lines.includes(
        'Tallene er kodede utdrag med begrepet eller et begrep under det, hvert utdrag én gang, fordelt etter informantens role.',
      ),
    );
    assert.equal(lines.filter((line) => line.startsWith('Kodede utdrag: ')).length, 24);
  });

  it('renders as a page with text on it', () => {
    const png = readFileSync(join(SCREENSHOTS, 'kodebok.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.readUInt32BE(16) > 400, 'wide enough to read');
  });
});
