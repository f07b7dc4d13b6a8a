import type { Message } from '../messages';

/** Where a part of a query is written: offsets into the query's text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A concept id (each with the concepts below it). */
export interface ConceptOperand {
  kind: 'concept';
  ids: string[];
  span: Span;
}

/** `informant=K3,L*` or `coder=ingrid`: values, each of which may hold `*` wildcards. */
export interface ValuesOperand {
  kind: 'informant' | 'coder';
  values: string[];
  span: Span;
}

/** An informant attribute, `role=tjenestemottaker`. */
export interface AttributeOperand {
  kind: 'attribute';
  name: string;
  values: string[];
  span: Span;
}

/** `memo~"text"`: annotations whose memo holds the text, ignoring case. */
export interface MemoOperand {
  kind: 'memo';
  text: string;
  span: Span;
}

/** `key`: the annotations marked as key quotes. */
export interface KeyOperand {
  kind: 'key';
  span: Span;
}

export type Operand = ConceptOperand | ValuesOperand | AttributeOperand | MemoOperand | KeyOperand;

export interface NotExpression {
  kind: 'not';
  operand: QueryExpression;
  span: Span;
}

export interface BinaryExpression {
  kind: 'and' | 'or' | 'overlapping' | 'within-turn';
  left: QueryExpression;
  right: QueryExpression;
  span: Span;
}

/** `A near N B`, `A followed-by N B`: N is a number of speaker turns. */
export interface DistanceExpression {
  kind: 'near' | 'followed-by';
  turns: number;
  left: QueryExpression;
  right: QueryExpression;
  span: Span;
}

export type QueryExpression = Operand | NotExpression | BinaryExpression | DistanceExpression;

export type BinaryKind = BinaryExpression['kind'] | DistanceExpression['kind'];

/** The binary operators from the loosest binding to the tightest; `not` binds tighter than all. */
export const BINDING_ORDER: readonly BinaryKind[] = ['or', 'followed-by', 'near', 'within-turn', 'overlapping', 'and'];

/** What is wrong with a query, and where: 1-based columns of the query's text, end exclusive. */
export interface QueryProblem {
  severity: 'error' | 'warning';
  code: 'query-syntax' | 'unknown-concept' | 'unknown-attribute' | 'no-match';
  column: number;
  endColumn: number;
  /** In English. */
  message: string;
  detail: Message;
}

export function isOperand(expression: QueryExpression): expression is Operand {
  return ['concept', 'informant', 'coder', 'attribute', 'memo', 'key'].includes(expression.kind);
}

/** Every operand of the expression, left to right. */
export function operandsOf(expression: QueryExpression): Operand[] {
  if (isOperand(expression)) return [expression];
  if (expression.kind === 'not') return operandsOf(expression.operand);
  return [...operandsOf(expression.left), ...operandsOf(expression.right)];
}
