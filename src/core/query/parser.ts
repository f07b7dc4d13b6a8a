import { englishText, message, type Message } from '../messages';
import {
  BINDING_ORDER,
  type BinaryKind,
  type Operand,
  type QueryExpression,
  type QueryProblem,
  type Span,
} from './syntax';
import { QuerySyntaxError, tokenize, type Token } from './tokens';

/** A query read: its expression, or the syntax error that stops it. */
export type ParsedQuery =
  { expression: QueryExpression; error?: undefined } | { expression?: undefined; error: QueryProblem };

const OPERATORS = new Set<string>([...BINDING_ORDER, 'not']);
/** Field names that are not informant attributes. */
const FIELDS = new Set(['informant', 'coder', 'concept']);

/**
 * Reads a query such as `koordinator and not informant=K*` into its expression. Binding from
 * tightest to loosest: not, and, overlapping, within-turn, near N, followed-by N, or; operators
 * of one level group from the left; parentheses group as written. Keywords ignore case.
 */
export function parseQuery(text: string): ParsedQuery {
  try {
    return { expression: new Parser(text, tokenize(text)).query() };
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    return { error: syntaxProblem(error.detail, error.start, error.end) };
  }
}

export function syntaxProblem(detail: Message, start: number, end: number): QueryProblem {
  const endColumn = Math.max(end, start + 1) + 1;
  return {
    severity: 'error',
    code: 'query-syntax',
    column: start + 1,
    endColumn,
    message: englishText(detail),
    detail,
  };
}

/** Stops reading with the mistake, marking the text from `at.start` to `at.end`. */
function fail(detail: Message, at: Span): never {
  throw new QuerySyntaxError(detail, at.start, at.end);
}

class Parser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  query(): QueryExpression {
    const whole = { start: 0, end: this.text.length };
    if (this.tokens.length === 0)
      fail(message('The query is empty. Write a concept id such as koordinator, or informant=K3.'), whole);
    const expression = this.level(0);
    const next = this.peek();
    if (next?.type === ')') fail(message('This ")" closes no "(".'), next);
    if (next) this.misplaced(next);
    return expression;
  }

  /** A token where an operator or the end was expected. */
  private misplaced(token: Token): never {
    if (this.isKeyword(token, 'not')) {
      fail(message('"not" cannot join two parts: write "and not", e.g. koordinator and not bolig.'), token);
    }
    const found = this.written(token);
    fail(
      message('"{found}" cannot follow here: join it with an operator such as and, or, overlapping.', { found }),
      token,
    );
  }

  /** Operators of BINDING_ORDER[level] and tighter. */
  private level(level: number): QueryExpression {
    const kind = BINDING_ORDER[level];
    if (kind === undefined) return this.unary();
    let left = this.level(level + 1);
    for (let next = this.peek(); next && this.isKeyword(next, kind); next = this.peek()) {
      this.at++;
      const turns = kind === 'near' || kind === 'followed-by' ? this.turns(next) : undefined;
      const right = this.level(level + 1);
      const span = { start: left.span.start, end: right.span.end };
      left =
        turns === undefined
          ? { kind: kind as 'and', left, right, span }
          : { kind: kind as 'near', turns, left, right, span };
    }
    return left;
  }

  private unary(): QueryExpression {
    const token = this.expect(message('an operand (a concept id, informant=..., coder=..., memo~"...", key)'));
    if (this.isKeyword(token, 'not')) {
      const operand = this.unary();
      return { kind: 'not', operand, span: { start: token.start, end: operand.span.end } };
    }
    if (token.type === '(') return this.group(token);
    if (token.type === 'word' && OPERATORS.has(token.text.toLowerCase())) {
      const operator = token.text;
      fail(
        message('An operand is missing before "{operator}": a concept id, informant=..., or a part in parentheses.', {
          operator,
        }),
        token,
      );
    }
    if (token.type !== 'word') {
      const found = this.written(token);
      fail(
        message('"{found}" cannot start an operand: write a concept id, informant=..., coder=..., memo~"..." or key.', {
          found,
        }),
        token,
      );
    }
    return this.operand(token);
  }

  private group(open: Token): QueryExpression {
    const inner = this.level(0);
    const close = this.peek();
    const end = { start: this.text.length, end: this.text.length };
    if (!close) fail(message('The "(" at column {column} is not closed. Add ")".', { column: open.start + 1 }), end);
    if (close.type !== ')') this.misplaced(close);
    this.at++;
    return { ...inner, span: { start: open.start, end: close.end } };
  }

  private operand(name: Token): Operand {
    const next = this.peek();
    if (next?.type === '=') {
      this.at++;
      return this.field(name, this.values(name));
    }
    if (next?.type === '~') {
      this.at++;
      if (name.text !== 'memo')
        fail(message('Only the memo can be searched with ~: write memo~"text".'), { start: name.start, end: next.end });
      const value = this.expect(message('the text to find in memos, e.g. memo~"helg"'));
      if (value.type !== 'word' && value.type !== 'string')
        fail(message('memo~ needs the text to find, e.g. memo~"helg".'), value);
      return { kind: 'memo', text: value.text, span: { start: name.start, end: value.end } };
    }
    if (name.text.toLowerCase() === 'key') return { kind: 'key', span: { start: name.start, end: name.end } };
    return { kind: 'concept', ids: [name.text], span: { start: name.start, end: name.end } };
  }

  private field(name: Token, values: { texts: string[]; span: Span }): Operand {
    const span = { start: name.start, end: values.span.end };
    if (name.text === 'concept') return { kind: 'concept', ids: values.texts, span };
    if (FIELDS.has(name.text)) return { kind: name.text as 'informant' | 'coder', values: values.texts, span };
    return { kind: 'attribute', name: name.text, values: values.texts, span };
  }

  /** One value or a comma list, after "=". */
  private values(name: Token): { texts: string[]; span: Span } {
    const texts: string[] = [];
    let end = name.end;
    do {
      const value = this.expect(message('a value after "{name}="', { name: name.text }));
      if ((value.type !== 'word' && value.type !== 'string') || value.text === '') {
        fail(message('"{name}=" needs a value, e.g. {name}=K3 or {name}="two words".', { name: name.text }), value);
      }
      texts.push(value.text);
      end = value.end;
    } while (this.peek()?.type === ',' && ++this.at);
    return { texts, span: { start: name.start, end } };
  }

  private turns(operator: Token): number {
    const count = this.peek();
    if (count?.type !== 'word' || !/^\d{1,6}$/.test(count.text)) {
      const where = count ?? { start: operator.end, end: operator.end };
      fail(
        message('"{operator}" needs a number of speaker turns after it, e.g. A {operator} 2 B.', {
          operator: operator.text,
        }),
        where,
      );
    }
    this.at++;
    return Number(count.text);
  }

  private expect(what: Message): Token {
    const token = this.peek();
    if (token) {
      this.at++;
      return token;
    }
    const last = this.tokens[this.tokens.length - 1];
    const end = { start: this.text.length, end: this.text.length };
    fail(
      message('The query ends too early: {what} is missing after "{last}".', {
        what,
        last: last ? this.written(last) : '',
      }),
      end,
    );
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isKeyword(token: Token, keyword: BinaryKind | 'not'): boolean {
    return token.type === 'word' && token.text.toLowerCase() === keyword;
  }

  private written(token: Token): string {
    return this.text.slice(token.start, token.end);
  }
}
