import { RefiReadError } from './readError';
import { normalizeLineEnds, scanXml, XmlSyntaxError, type XmlHandler } from './xmlScanner';

/**
 * XML parsing for REFI-QDA files. Elements are matched by their local names only, so that every
 * namespace variant the tools write (project:1.0, project:1:0, codebook:0:4 as default namespace,
 * ...) reads the same.
 */

/** An element as read: light, with no more than qcode reads of it. */
export interface XmlElement {
  /** The name without its namespace prefix. */
  readonly localName: string;
  /** The name as written. */
  readonly tagName: string;
  /** Names (as written) and values alternately. */
  readonly attributes: readonly string[];
  readonly children: XmlElement[];
  /** The character data directly inside it; none when that is only white space between child elements. */
  text: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

/**
 * Elements read as soon as they end and then dropped, so that the tree never holds all of a large
 * file: those at `path` (local names below the root element).
 */
export interface StreamedElements {
  path: readonly string[];
  read(element: XmlElement): void;
}

/** The root element of `text`; elements at a streamed path are handed to it as they end, and left out. */
export function parseXml(file: string, text: string, streamed: readonly StreamedElements[] = []): XmlElement {
  const source = normalizeLineEnds(text);
  const builder = new TreeBuilder(streamed);
  try {
    scanXml(source, builder);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const explained = explain(error.message, error.atEnd || error.line === lastLine(source));
    throw explained === NOT_XML
      ? new RefiReadError(file, NOT_XML)
      : new RefiReadError(file, explained, error.line, error.column);
  }
  if (!builder.root) throw new RefiReadError(file, NOT_XML);
  return builder.root;
}

class TreeBuilder implements XmlHandler {
  root: XmlElement | undefined;
  private readonly stack: XmlElement[] = [];

  constructor(private readonly streamed: readonly StreamedElements[]) {}

  open(name: string, attributes: string[], line: number, column: number): void {
    const colon = name.indexOf(':');
    const element: XmlElement = {
      localName: colon < 0 ? name : name.slice(colon + 1),
      tagName: name,
      attributes,
      children: [],
      text: '',
      lineNumber: line,
      columnNumber: column,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    this.stack.push(element);
  }

  close(): void {
    const element = this.stack.pop() as XmlElement;
    if (element.children.length > 0 && element.text !== '' && isBlank(element.text)) element.text = '';
    const stream = this.streamed.find((s) => this.isAt(s.path, element));
    if (!stream) return;
    this.stack[this.stack.length - 1]?.children.pop();
    stream.read(element);
  }

  text(text: string): void {
    (this.stack[this.stack.length - 1] as XmlElement).text += text;
  }

  /** Whether the element that just ended (its ancestors are on the stack) is at `path` below the root. */
  private isAt(path: readonly string[], element: XmlElement): boolean {
    if (path.length === 0 || this.stack.length !== path.length || path[path.length - 1] !== element.localName)
      return false;
    for (let i = 1; i < this.stack.length; i++) if (this.stack[i]?.localName !== path[i - 1]) return false;
    return true;
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function lastLine(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

const NOT_XML = 'is not XML (no root element found). Choose the .qdpx or .qdc file the other tool exported.';

function explain(message: string, atTheEnd: boolean): string {
  const first = message.split('\n')[0] ?? message;
  if (/missing root element/i.test(first)) return NOT_XML;
  if (/entity not found/i.test(first))
    return `the XML uses an entity it does not define (${first}); qcode expands no entities of a DOCTYPE. Export the file again from the other tool.`;
  if (atTheEnd || /unexpected end of input|unclosed/i.test(first))
    return `the XML ends before it is complete (${first}). The file is truncated or damaged; export it again.`;
  return `the XML is malformed (${first}). Export the file again, or correct it at this place.`;
}

/** The child elements with one of these local names, in document order. */
export function childElements(parent: XmlElement, ...names: string[]): XmlElement[] {
  return parent.children.filter((child) => names.includes(child.localName));
}

export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.localName === name);
}

/** The elements found by following a path of local names, e.g. `Sources`, `TextSource`. */
export function elementsAt(parent: XmlElement, ...path: string[]): XmlElement[] {
  let level = [parent];
  for (const name of path) level = level.flatMap((element) => childElements(element, name));
  return level;
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const { attributes } = element;
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** All the character data inside an element, its children's included. */
export function textContent(element: XmlElement): string {
  return element.children.length === 0 ? element.text : element.text + element.children.map(textContent).join('');
}

/** The text of a child element (Description, PlainTextContent, TextValue ...), when it has any. */
export function childText(parent: XmlElement, name: string): string | undefined {
  const child = childElement(parent, name);
  const text = child && textContent(child);
  return text === undefined || text.trim() === '' ? undefined : text;
}
