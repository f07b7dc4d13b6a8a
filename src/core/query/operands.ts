import type { Project, ResolvedAnnotation } from '../project/model';
import type { Operand } from './syntax';

export type AnnotationTest = (resolved: ResolvedAnnotation) => boolean;

/** Which annotations an operand stands for; its text is theirs. */
export function operandTest(operand: Operand, project: Project): AnnotationTest {
  switch (operand.kind) {
    case 'concept': {
      const ids = new Set(operand.ids.flatMap((id) => [...project.codebook.subtreeIds(id), id]));
      return (resolved) => {
        for (const concept of resolved.annotation.concepts) if (ids.has(concept)) return true;
        return false;
      };
    }
    case 'informant': {
      const matches = valueMatcher(operand.values);
      return (resolved) => resolved.informant !== undefined && matches(resolved.informant);
    }
    case 'coder': {
      const matches = valueMatcher(operand.values);
      return (resolved) => resolved.annotation.coder !== undefined && matches(resolved.annotation.coder);
    }
    case 'attribute':
      return attributeTest(operand.name, operand.values, project);
    case 'memo': {
      const wanted = folded(operand.text);
      return (resolved) => resolved.annotation.memo !== undefined && folded(resolved.annotation.memo).includes(wanted);
    }
    case 'key':
      return (resolved) => isKeyQuote(resolved);
  }
}

/** Passages of informants whose attribute has one of the values; `code` is the informant's code. */
function attributeTest(name: string, values: readonly string[], project: Project): AnnotationTest {
  const matches = valueMatcher(values);
  const passes = new Map<string, boolean>();
  for (const informant of project.informants.informants) {
    const value = name === 'code' ? informant.code : informant.attributes[name];
    passes.set(informant.code, value !== undefined && matches(String(value)));
  }
  return (resolved) => resolved.informant !== undefined && passes.get(resolved.informant) === true;
}

/** Whether a value is one of the patterns; `*` in a pattern stands for any characters. */
export function valueMatcher(patterns: readonly string[]): (value: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.includes('*')));
  const wild = patterns
    .filter((p) => p.includes('*'))
    .map((p) => new RegExp(`^${p.split('*').map(escapeRegExp).join('.*')}$`, 'su'));
  return (value) => exact.has(value) || wild.some((pattern) => pattern.test(value));
}

/** An annotation marked `key: true`: a quote that carries the argument. */
export function isKeyQuote(resolved: ResolvedAnnotation): boolean {
  return resolved.annotation.key === true;
}

function folded(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
