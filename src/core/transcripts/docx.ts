import { DOMParser, type Element } from '@xmldom/xmldom';
import { message, type Message } from '../messages';
import { DamagedZipError, TooLargeError, ZipArchive } from '../refi/zipArchive';
import { decodeUtf8 } from '../text/decode';
import { TranscriptReadError } from './model';
import type { SourceParagraph } from './paragraphs';

const MAIN_DOCUMENT = /\/officeDocument$/;

/**
 * The paragraphs and table rows of a Word document, in order, with which of their text is bold.
 * The main part is the one the package's relationships name: `word/document.xml` usually,
 * `word/document2.xml` in what Word's Transcribe saves. Paragraph numbers stand for lines.
 */
export function docxParagraphs(file: string, bytes: Uint8Array): SourceParagraph[] {
  try {
    const archive = new ZipArchive(bytes);
    const read = (name: string): string | undefined => {
      const entry = archive.find(name);
      if (!entry) return undefined;
      const decoded = decodeUtf8(archive.read(entry));
      if (!decoded.ok)
        throw new TranscriptReadError(
          file,
          message('{part} in it is not UTF-8 text ({reason})', { part: name, reason: decoded.detail }),
        );
      return decoded.text;
    };
    const part = mainPart(file, read('_rels/.rels'));
    const xml = read(part);
    if (xml === undefined)
      throw new TranscriptReadError(
        file,
        message(
          'is not a Word document: it has no {part}. Save it from Word as .docx, or export the transcript as text.',
          { part },
        ),
      );
    const body = descendants(parse(file, xml), 'body')[0];
    return body ? bodyParagraphs(body) : [];
  } catch (error) {
    if (error instanceof DamagedZipError || error instanceof TooLargeError)
      throw new TranscriptReadError(
        file,
        message('cannot be read as a Word document: {reason}. Save it again from Word.', { reason: error.message }),
      );
    throw error;
  }
}

function mainPart(file: string, rels: string | undefined): string {
  if (rels === undefined) return 'word/document.xml';
  const target = descendants(parse(file, rels), 'Relationship')
    .find((r) => MAIN_DOCUMENT.test(r.getAttribute('Type') ?? ''))
    ?.getAttribute('Target');
  return target ? target.replace(/^\//, '') : 'word/document.xml';
}

function parse(file: string, xml: string): Element {
  let failure: TranscriptReadError | undefined;
  const parser = new DOMParser({
    onError: (level, complaint, context: { locator?: { lineNumber?: number } }) => {
      if (level === 'warning') return;
      failure ??= new TranscriptReadError(
        file,
        damagedXml(complaint.split('\n')[0] ?? ''),
        context?.locator?.lineNumber || undefined,
      );
      throw failure;
    },
  });
  try {
    const root = parser.parseFromString(xml, 'text/xml').documentElement;
    if (root) return root;
  } catch (error) {
    throw failure ?? new TranscriptReadError(file, damagedXml((error as Error).message));
  }
  throw new TranscriptReadError(file, message('its XML is empty. Save it again from Word.'));
}

function damagedXml(complaint: string): Message {
  return message('its XML is damaged ({complaint}). Save it again from Word.', { complaint });
}

function bodyParagraphs(body: Element): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  for (const block of children(body)) {
    if (block.localName === 'p') paragraphs.push({ ...paragraphText(block), line: paragraphs.length + 1 });
    else if (block.localName === 'tbl') {
      for (const row of descendants(block, 'tr')) {
        const cells = children(row)
          .filter((c) => c.localName === 'tc')
          .map((cell) =>
            descendants(cell, 'p')
              .map((p) => paragraphText(p).text)
              .join(' '),
          );
        paragraphs.push({ text: cells.join(' '), cells, line: paragraphs.length + 1 });
      }
    } else if (block.localName === 'sdt')
      paragraphs.push(
        ...bodyParagraphs(descendants(block, 'sdtContent')[0] ?? block).map((p) => ({
          ...p,
          line: paragraphs.length + p.line,
        })),
      );
  }
  return paragraphs;
}

interface Run {
  text: string;
  bold: boolean;
}

function paragraphText(paragraph: Element): { text: string; bold?: string; allBold?: boolean } {
  const runs = descendants(paragraph, 'r')
    .filter((r) => !inside(r, 'del', paragraph))
    .map(runText);
  const text = runs.map((r) => r.text).join('');
  const spoken = runs.filter((r) => r.text.trim() !== '');
  const leading = spoken.findIndex((r) => !r.bold);
  const bold = spoken
    .slice(0, leading < 0 ? spoken.length : leading)
    .map((r) => r.text)
    .join('');
  const boldStart = text.indexOf(bold.trimStart());
  const boldPrefix =
    bold.trim() !== '' && text.slice(0, boldStart).trim() === ''
      ? text.slice(0, boldStart + bold.trimStart().length)
      : '';
  return {
    text,
    ...(boldPrefix.trim() !== '' ? { bold: boldPrefix.trim() } : {}),
    ...(spoken.length > 0 && leading < 0 ? { allBold: true } : {}),
  };
}

function runText(run: Element): Run {
  let text = '';
  for (const node of children(run)) {
    if (node.localName === 't') text += node.textContent ?? '';
    else if (node.localName === 'tab') text += '\t';
    else if (node.localName === 'br' || node.localName === 'cr') text += '\n';
    else if (node.localName === 'noBreakHyphen') text += '-';
  }
  const properties = children(run).find((c) => c.localName === 'rPr');
  const b = properties && children(properties).find((c) => c.localName === 'b');
  const value = b?.getAttribute('w:val') ?? b?.getAttribute('val');
  return { text, bold: b !== undefined && value !== '0' && value !== 'false' };
}

function children(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling)
    if (node.nodeType === node.ELEMENT_NODE) found.push(node as Element);
  return found;
}

function descendants(element: Element, name: string): Element[] {
  return Array.from(element.getElementsByTagNameNS('*', name));
}

function inside(element: Element, name: string, stop: Element): boolean {
  for (let node = element.parentNode; node && node !== stop; node = node.parentNode)
    if ((node as Element).localName === name) return true;
  return false;
}
