import type { Project, ResolvedAnnotation, TranscriptFile } from '../project/model';
import { operandTest, type AnnotationTest } from './operands';
import { complement, intersect, overlapping, runsOf, unite, type Run } from './runs';
import { isOperand, operandsOf, type Operand, type QueryExpression } from './syntax';
import { followedBy, near, withinTurn } from './turnRelations';

export interface QueryOptions {
  /** Only these annotations count (the coder filter of the editor, say); default all. */
  include?: (resolved: ResolvedAnnotation) => boolean;
}

/** The value of a query in each transcript that has text, and the orphaned annotations its operands name. */
export interface Evaluation {
  runs: Map<TranscriptFile, Run[]>;
  orphans: ResolvedAnnotation[];
}

/** Evaluates the query over every readable transcript of the project, one transcript at a time. */
export function evaluate(expression: QueryExpression, project: Project, options: QueryOptions = {}): Evaluation {
  const { include } = options;
  const tests = new Map<Operand, AnnotationTest>();
  for (const operand of operandsOf(expression)) tests.set(operand, operandTest(operand, project));
  const named = (resolved: ResolvedAnnotation) => [...tests.values()].some((test) => test(resolved));
  const runs = new Map<TranscriptFile, Run[]>();
  const orphans = new Set<ResolvedAnnotation>();
  for (const transcript of project.transcripts) {
    const counted = include ? transcript.annotations.filter(include) : transcript.annotations;
    for (const resolved of counted)
      if (resolved.resolution.status === 'orphaned' && named(resolved)) orphans.add(resolved);
    if (transcript.doc) runs.set(transcript, new TranscriptEvaluation(transcript, counted, tests).value(expression));
  }
  return { runs, orphans: [...orphans] };
}

class TranscriptEvaluation {
  private readonly length: number;

  constructor(
    private readonly transcript: TranscriptFile,
    private readonly annotations: readonly ResolvedAnnotation[],
    private readonly tests: ReadonlyMap<Operand, AnnotationTest>,
  ) {
    this.length = transcript.doc?.text.length ?? 0;
  }

  value(expression: QueryExpression): Run[] {
    if (isOperand(expression)) return runsOf(this.annotations.filter(this.tests.get(expression) ?? (() => false)));
    if (expression.kind === 'not') return complement(this.value(expression.operand), this.length);
    const left = this.value(expression.left);
    const right = this.value(expression.right);
    const { turns } = this.transcript;
    switch (expression.kind) {
      case 'and':
        return intersect(left, right);
      case 'or':
        return unite(left, right);
      case 'overlapping':
        return overlapping(left, right);
      case 'within-turn':
        return withinTurn(left, right, turns);
      case 'near':
        return near(left, right, expression.turns, turns);
      case 'followed-by':
        return followedBy(left, right, expression.turns, turns);
    }
  }
}
