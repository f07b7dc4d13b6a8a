import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { message, type Message } from '../messages';
import { problem, type Problem, type Severity } from '../problems';
import { conflictProblems } from './explainConflicts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How every qcode file is parsed. */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, version: '1.2' } as const;

/** A document built by a reader that gives exactly what parseDocument would for the text, and where its lines start. */
export interface PrebuiltYaml {
  document: Document.Parsed;
  lineStarts: number[];
}

/**
 * A parsed YAML file that knows where each node is, so that every complaint about it names the
 * file, line and column. Aliases are refused outright: qcode files never need them, and refusing
 * them makes alias bombs impossible.
 */
export class YamlFile {
  readonly problems: Problem[] = [];
  readonly document: Document.Parsed | undefined;
  private readonly lines = new LineCounter();

  constructor(
    readonly path: string,
    readonly text: string,
    prebuilt?: PrebuiltYaml,
  ) {
    if (prebuilt) {
      this.document = prebuilt.document;
      this.lines.lineStarts = prebuilt.lineStarts;
      return;
    }
    this.problems.push(...conflictProblems(path, text));
    if (this.problems.length > 0) return;
    const document = parseDocument(text, { lineCounter: this.lines, ...YAML_OPTIONS });
    for (const error of document.errors)
      this.report(
        error.pos[0],
        'error',
        'yaml-syntax',
        message('{error}. Fix the YAML at this place (check indentation, colons and quotes).', {
          error: firstLine(error.message),
        }),
      );
    if (document.errors.length === 0) {
      this.document = document;
      // Every alias, wherever it is (also under keys that are otherwise only reported as unknown).
      visit(document, {
        Alias: (_, node) =>
          void this.reportAt(
            node,
            'error',
            'alias',
            message('YAML aliases (*name) are not allowed in qcode files. Write the value out in full.'),
          ),
      });
    }
  }

  get ok(): boolean {
    return this.document !== undefined;
  }

  positionOf(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  report(offset: number, severity: Severity, code: string, text: Message | string): void {
    const { line, column } = this.positionOf(offset);
    this.problems.push(problem(this.path, line, column, severity, code, text));
  }

  reportAt(node: Node | null | undefined, severity: Severity, code: string, text: Message | string): void {
    this.report(node?.range?.[0] ?? 0, severity, code, text);
  }

  /** The node, unless it is an alias (reported when the file was parsed). */
  plain(node: unknown): Node | undefined {
    if (isAlias(node)) return undefined;
    return (node ?? undefined) as Node | undefined;
  }

  asMap(node: unknown, what: Message | string, at?: Node | null): YAMLMap | undefined {
    const plain = this.plain(node);
    if (isMap(plain)) return plain;
    this.reportAt(
      plain ?? at,
      'error',
      'wrong-type',
      message('{what} must be a mapping (key: value lines).', { what }),
    );
    return undefined;
  }

  asSeq(node: unknown, what: Message | string, at?: Node | null): YAMLSeq | undefined {
    const plain = this.plain(node);
    if (isSeq(plain)) return plain;
    this.reportAt(
      plain ?? at,
      'error',
      'wrong-type',
      message('{what} must be a list (lines starting with "- ", or [a, b]).', { what }),
    );
    return undefined;
  }

  asString(node: unknown, what: Message | string, at?: Node | null): string | undefined {
    const plain = this.plain(node);
    if (isScalar(plain) && typeof plain.value === 'string') return plain.value;
    // A number as written (1.10, 007), not as JavaScript prints it (1.1, 7): concept ids like 1.10 and 1.1 must stay
    // apart.
    if (isScalar(plain) && typeof plain.value === 'number') return plain.source ?? String(plain.value);
    this.reportAt(plain ?? at, 'error', 'wrong-type', message('{what} must be text.', { what }));
    return undefined;
  }

  /** The entries of a mapping with their keys as text; refuses non-text keys and prototype keys. */
  entries(map: YAMLMap, what: Message | string): { key: string; keyNode: Scalar; value: unknown; pair: Pair }[] {
    const out: { key: string; keyNode: Scalar; value: unknown; pair: Pair }[] = [];
    for (const pair of map.items) {
      const keyNode = this.plain(pair.key);
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.reportAt(keyNode ?? map, 'error', 'wrong-type', message('Keys in {what} must be plain words.', { what }));
        continue;
      }
      if (FORBIDDEN_KEYS.has(keyNode.value)) {
        this.reportAt(
          keyNode,
          'error',
          'forbidden-key',
          message('The key "{key}" is not allowed. Delete this line.', { key: keyNode.value }),
        );
        continue;
      }
      out.push({ key: keyNode.value, keyNode, value: pair.value, pair });
    }
    return out;
  }

  unknownKey(keyNode: Scalar, key: string, what: Message | string, known: readonly string[]): void {
    this.reportAt(
      keyNode,
      'error',
      'unknown-key',
      message('Unknown key "{key}" in {what}. Known keys: {known}. Correct or delete it.', {
        key,
        what,
        known: known.join(', '),
      }),
    );
  }
}

function firstLine(error: string): string {
  return (error.split('\n')[0] ?? error).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
