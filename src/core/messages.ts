/**
 * Text for people, kept translatable: an English template with {name} placeholders and the values
 * that fill them. A value may itself be a Message (a fragment such as "the codebook"), so that a
 * translation can translate the fragment too. Templates are string literals where a message is
 * made, so that scripts/l10n-check.js finds them and requires their translations.
 */
export type MessageArg = string | number | Message;

export interface Message {
  readonly template: string;
  readonly args: Readonly<Record<string, MessageArg>>;
}

export function message(template: string, args: Record<string, MessageArg> = {}): Message {
  return { template, args };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).template === 'string';
}

/** Fills a template from already rendered values: {name} is replaced, unknown names are kept. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z_]\w*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The message in English, nested messages included. */
export function englishText(m: Message): string {
  return renderMessage(m, (template) => template);
}

/** The message with every template, nested ones first, passed through `translate`. */
export function renderMessage(m: Message, translate: (template: string) => string): string {
  const values: Record<string, string> = {};
  for (const [name, arg] of Object.entries(m.args))
    values[name] = isMessage(arg) ? renderMessage(arg, translate) : String(arg);
  return fillTemplate(translate(m.template), values);
}

/** A message or, for text that is not translated (a file's own words), the text as it is. */
export function textOf(m: Message | string): string {
  return typeof m === 'string' ? m : englishText(m);
}

/** Quoted names joined with "or": "a", "a" or "b", "a" or "b" or "c". */
export function quotedAlternatives(names: readonly string[]): MessageArg {
  const last = message('"{name}"', { name: names[names.length - 1] ?? '' });
  if (names.length <= 1) return last;
  return message('{some} or {last}', { some: quotedAlternatives(names.slice(0, -1)), last });
}

/** " Did you mean "a" or "b"?" to follow a sentence, or nothing when there is no suggestion. */
export function didYouMean(suggestions: readonly string[]): MessageArg {
  if (suggestions.length === 0) return '';
  return message(' Did you mean {names}?', { names: quotedAlternatives(suggestions) });
}

/** Parts joined with commas: "a", "a, b", "a, b, c". */
export function commaList(parts: readonly MessageArg[]): MessageArg {
  if (parts.length <= 1) return parts[0] ?? '';
  return message('{some}, {last}', { some: commaList(parts.slice(0, -1)), last: parts[parts.length - 1] ?? '' });
}

/** Parts one to a line. */
export function lineList(parts: readonly MessageArg[]): MessageArg {
  if (parts.length <= 1) return parts[0] ?? '';
  return message('{some}\n{last}', { some: lineList(parts.slice(0, -1)), last: parts[parts.length - 1] ?? '' });
}
