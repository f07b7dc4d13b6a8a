import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leadingSpeakerLabel, quoteText, citation } from '../../src/core/export/quotes';
import { exportSections, type Section } from '../../src/core/export/sections';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { NodeProjectFiles } from '../../src/node/nodeFiles';
import { qcode, scratchProject, write } from '../cli/cliHarness';
import { scratchDir } from '../helpers/scratch';
import { hasSoffice, soffice } from '../helpers/soffice';

// The page's picture goes where the end-to-end runs put theirs (see test/e2e/codeServer.js).
const SCREENSHOTS =
  process.env.QCODE_UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, 'screenshots')
    : join(__dirname, '../../out/screenshots/docx');
const CITATION = '({informant}, {transcript}:{line})';
const QCODE_YAML = `language: nb
exports:
  kapittel-5:
    format: docx
    concepts: [koordinator, samordning.uformell]
    where: { role: tjenestemottaker }
    citation: "${CITATION}"
    memos: true
    context: true
    out: kapittel-5.docx
`;

describe('qcode export --format docx, read by LibreOffice', function () {
  this.timeout(300_000);
  let project: Project;
  let sections: Section[];
  let text: string;
  let out: string;

  before(async () => {
    assert.ok(
      hasSoffice(),
      'LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-draw-nogui, or run test/e2e/install.sh',
    );
    const dir = scratchProject();
    write(dir, 'qcode.yaml', QCODE_YAML);
    const result = await qcode('export', dir, '--preset', 'kapittel-5');
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    project = await loadProject(new NodeProjectFiles(dir));
    sections = exportSections(
      new ProjectIndex(project),
      { concepts: ['koordinator', 'samordning.uformell'], where: [{ attribute: 'role', value: 'tjenestemottaker' }] },
      'concept',
    );
    out = scratchDir('qcode-docx-');
    const docx = join(dir, 'kapittel-5.docx');
    soffice('txt:Text', docx, out, join(out, 'profile'));
    soffice('pdf', docx, out, join(out, 'profile'));
    text = readFileSync(join(out, 'kapittel-5.txt'), 'utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n');
    mkdirSync(SCREENSHOTS, { recursive: true });
    soffice('png', docx, out, join(out, 'profile'));
    copyFileSync(join(out, 'kapittel-5.png'), join(SCREENSHOTS, 'kapittel-5.png'));
  });

  it('has the headings of the chosen concepts in codebook order', () => {
    const lines = text.split('\n');
    const titles = sections.map((s) => s.title);
    assert.ok(titles.length >= 4, titles.join(', '));
    let from = 0;
    for (const title of titles) {
      const at = lines.indexOf(title, from);
      assert.ok(at >= from, `heading "${title}" after line ${from}`);
      from = at + 1;
    }
  });

  it('has every passage of those concepts in « », its citation right after it', () => {
    const label = leadingSpeakerLabel(project.settings);
    const quotes = sections.flatMap((s) => s.quotes);
    assert.ok(quotes.length >= 5);
    for (const resolved of quotes) {
      const line = `«${quoteText(resolved, label)}» ${citation(CITATION, resolved)}`;
      assert.ok(text.includes(line), `missing: ${line}`);
    }
    assert.doesNotMatch(text, /[\u201c\u201d]/);
  });

  it('makes a PDF and a picture of the first page', () => {
    assert.equal(readFileSync(join(out, 'kapittel-5.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    const png = readFileSync(join(SCREENSHOTS, 'kapittel-5.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.readUInt32BE(16) > 400, 'wide enough to read');
  });
});
