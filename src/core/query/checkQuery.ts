import { englishText, didYouMean, message, type Message } from '../messages';
import type { Project } from '../project/model';
import { valueMatcher } from './operands';
import { parseQuery } from './parser';
import { operandsOf, type Operand, type QueryExpression, type QueryProblem } from './syntax';

/**
 * What keeps a query from meaning what it says in this project: concepts not in the codebook and
 * attributes no informant has (errors), informant codes and coders that match nobody (warnings).
 */
export function checkQuery(expression: QueryExpression, project: Project): QueryProblem[] {
  const known = new KnownValues(project);
  return operandsOf(expression).flatMap((operand) => operandProblems(operand, project, known));
}

/** The syntax error of a query's text, or what checkQuery finds in it. */
export function queryProblems(text: string, project: Project): QueryProblem[] {
  const parsed = parseQuery(text);
  return parsed.error ? [parsed.error] : checkQuery(parsed.expression, project);
}

/** What the project has for operands to name, each worked out the first time it is needed. */
class KnownValues {
  private informantCodes?: string[];
  private coderNames?: string[];
  private attributeNames?: Set<string>;

  constructor(private readonly project: Project) {}

  get informants(): string[] {
    const attributed = this.annotations().flatMap((r) => (r.informant === undefined ? [] : [r.informant]));
    this.informantCodes ??= [...new Set([...this.project.informants.codes, ...attributed])];
    return this.informantCodes;
  }

  get coders(): string[] {
    const coders = this.annotations().flatMap((r) => (r.annotation.coder === undefined ? [] : [r.annotation.coder]));
    this.coderNames ??= [...new Set(coders)].sort();
    return this.coderNames;
  }

  get attributes(): Set<string> {
    const names = this.project.informants.informants.flatMap((i) => Object.keys(i.attributes));
    this.attributeNames ??= new Set(['code', ...names]);
    return this.attributeNames;
  }

  private annotations() {
    return this.project.transcripts.flatMap((t) => t.annotations);
  }
}

function operandProblems(operand: Operand, project: Project, known: KnownValues): QueryProblem[] {
  const at = (severity: QueryProblem['severity'], code: QueryProblem['code'], detail: Message): QueryProblem => ({
    severity,
    code,
    column: operand.span.start + 1,
    endColumn: operand.span.end + 1,
    message: englishText(detail),
    detail,
  });
  const { codebook, settings } = project;
  switch (operand.kind) {
    case 'concept':
      return operand.ids
        .filter((id) => !codebook.has(id))
        .map((id) =>
          at(
            'error',
            'unknown-concept',
            message(
              'The concept "{concept}" is not in {codebook}.{hint} Correct the id, or write informant=, coder=, memo~ or key.',
              { concept: id, codebook: settings.codebook, hint: didYouMean(codebook.suggest(id)) },
            ),
          ),
        );
    case 'attribute':
      if (known.attributes.has(operand.name)) return [];
      return [
        at(
          'error',
          'unknown-attribute',
          message('No informant in {registry} has the attribute "{attribute}"; known: {known}.', {
            registry: settings.informants,
            attribute: operand.name,
            known: [...known.attributes].join(', '),
          }),
        ),
      ];
    case 'informant':
      return unmatched(operand.values, known.informants).map((value) =>
        at('warning', 'no-match', message('No informant has the code "{value}", so it finds nothing.', { value })),
      );
    case 'coder':
      return unmatched(operand.values, known.coders).map((value) =>
        at(
          'warning',
          'no-match',
          message('No annotation is by the coder "{value}", so it finds nothing; the coders are {coders}.', {
            value,
            coders: known.coders.join(', ') || '-',
          }),
        ),
      );
    default:
      return [];
  }
}

function unmatched(values: readonly string[], candidates: readonly string[]): string[] {
  return values.filter((value) => !candidates.some(valueMatcher([value])));
}
