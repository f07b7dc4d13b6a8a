/**
 * Coding queries: questions asked of the coded material, such as
 * `koordinator.fallskjerm and bakkebyraakrat` or `samordning.formell and not role=tjenestemottaker`.
 *
 * Operands stand for annotations, and for the text they cover: a concept id (with the concepts
 * below it), `informant=K3` (comma lists, `*` wildcards: `informant=K*,L5`), an informant
 * attribute (`role=tjenestemottaker`), `coder=NAME`, `memo~"text"` (ignoring case), `key` (key
 * quotes), and `concept=ID` for an id that is also a keyword. Operators, tightest first: `not A`
 * (text not in A), `A and B` (the character overlap), `A overlapping B` (whole A passages that
 * overlap B), `A within-turn B` (A passages inside a speaker turn that also holds B), `A near N B`
 * (B at most N speaker turns away), `A followed-by N B` (a B passage starts after A, at most N
 * turns on), `A or B` (either, joined where they touch); parentheses group.
 *
 * A query is evaluated per transcript on character intervals: its value is the set of characters
 * it covers, and its passages are the maximal runs of them, trimmed of white space. Speaker turns
 * are those of src/core/speakers (`TranscriptFile.turns`); text before the first label counts as
 * one turn before the first. Orphaned annotations have no place and are reported, not used.
 *
 * Use:
 *   const parsed = parseQuery(text);                   // { expression } or { error: QueryProblem }
 *   const problems = checkQuery(parsed.expression, project); // unknown concepts (errors), ...
 *   const result = runQuery(parsed.expression, project, { include: coderFilter });
 *   result.passages  // QueryPassage: transcript, start/end offsets, range, quote, informant, annotations, concepts
 *   result.orphans   // orphaned annotations the operands name
 * `queryProblems(text, project)` does the first two at once. QueryProblem columns are 1-based in
 * the query's text, so an input box can point at them. Saved queries are `project.settings.queries`
 * (see settings/savedQueries: `findSavedQuery`). Writers: queryToJson / queryToCsv /
 * queryToMarkdown / queryToDocx. `passageQuote` gives a passage the shape of a resolved annotation
 * for code that quotes annotations; `limitToResult` keeps a project's annotations to a result's.
 */
export { checkQuery, queryProblems } from './checkQuery';
export type { QueryOptions } from './evaluate';
export { queryToCsv, queryToDocx, queryToJson, queryToMarkdown } from './formats';
export { limitToResult } from './limitProject';
export { parseQuery, type ParsedQuery } from './parser';
export { passageQuote } from './passageQuote';
export { runQuery, type QueryPassage, type QueryResult } from './passages';
export { BINDING_ORDER, operandsOf, type QueryExpression, type QueryProblem, type Operand, type Span } from './syntax';
export { findSavedQuery, type SavedQuery } from '../settings/savedQueries';
