import { DOMParser, type Element } from '@xmldom/xmldom';
import { RefiReadError } from './readError';

/**
 * XML parsing for REFI-QDA files. Elements are matched by their local names only, so that every
 * namespace variant the tools write (project:1.0, project:1:0, codebook:0:4 as default namespace,
 * ...) reads the same.
 */
export function parseXml(file: string, text: string): Element {
  let failure: RefiReadError | undefined;
  const lastLine = text.split(/\r\n?|\n/).length;
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
      if (level === 'warning') return;
      const line = context?.locator?.lineNumber || undefined;
      failure ??= new RefiReadError(file, explain(message, line === lastLine), line, context?.locator?.columnNumber || undefined);
      throw failure;
    },
  });
  try {
    const root = parser.parseFromString(text, 'text/xml').documentElement;
    if (root) return root;
  } catch (error) {
    throw failure ?? new RefiReadError(file, explain((error as Error).message, false));
  }
  throw new RefiReadError(file, NOT_XML);
}

const NOT_XML = 'is not XML (no root element found). Choose the .qdpx or .qdc file the other tool exported.';

function explain(message: string, atTheEnd: boolean): string {
  const first = message.split('\n')[0] ?? message;
  if (/missing root element/i.test(first)) return NOT_XML;
  if (/entity not found/i.test(first)) return `the XML uses an entity it does not define (${first}); qcode expands no entities of a DOCTYPE. Export the file again from the other tool.`;
  if (atTheEnd || /unexpected end of input|unclosed/i.test(first)) return `the XML ends before it is complete (${first}). The file is truncated or damaged; export it again.`;
  return `the XML is malformed (${first}). Export the file again, or correct it at this place.`;
}

/** The child elements with one of these local names, in document order. */
export function childElements(parent: Element, ...names: string[]): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && names.includes((node as Element).localName ?? '')) found.push(node as Element);
  }
  return found;
}

export function childElement(parent: Element, name: string): Element | undefined {
  return childElements(parent, name)[0];
}

/** The elements found by following a path of local names, e.g. `Sources`, `TextSource`. */
export function elementsAt(parent: Element, ...path: string[]): Element[] {
  let level = [parent];
  for (const name of path) level = level.flatMap((element) => childElements(element, name));
  return level;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? element.getAttribute(name) ?? undefined : undefined;
}

/** The text of a child element (Description, PlainTextContent, TextValue ...), when it has any. */
export function childText(parent: Element, name: string): string | undefined {
  const child = childElement(parent, name);
  const text = child?.textContent ?? undefined;
  return text === undefined || text.trim() === '' ? undefined : text;
}
