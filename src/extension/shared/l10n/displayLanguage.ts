import * as vscode from 'vscode';
import bokmal from '../../../../l10n/bundle.l10n.nb.json';
import { isMessage, type Message } from '../../../core/messages';

type Args = (string | number | boolean)[] | [Record<string, string | number | boolean>];

/** The languages qcode can speak, whatever language VS Code itself is shown in. */
export type DisplayLanguage = 'auto' | 'en' | 'nb';

const BUNDLES: Record<Exclude<DisplayLanguage, 'auto'>, Readonly<Record<string, string>>> = { en: {}, nb: bokmal };

export function displayLanguage(): DisplayLanguage {
  const chosen = vscode.workspace.getConfiguration('qcode').get<string>('displayLanguage');
  return chosen === 'en' || chosen === 'nb' ? chosen : 'auto';
}

/**
 * A message in the language qcode.displayLanguage names; with "auto", in VS Code's display
 * language through vscode.l10n. Placeholders as vscode.l10n.t: {0}, {1} or {name}.
 */
export function t(message: string, ...args: Args): string {
  return inLanguage(displayLanguage(), message, args);
}

function inLanguage(language: DisplayLanguage, message: string, args: Args): string {
  if (language === 'auto') return vscode.l10n.t(message, ...(args as never[]));
  return format(BUNDLES[language][message] ?? message, args);
}

function format(template: string, args: Args): string {
  const named = args.length === 1 && typeof args[0] === 'object' ? args[0] : undefined;
  return template.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = named ? named[key] : (args as unknown[])[Number(key)];
    return value === undefined ? whole : String(value);
  });
}

/** A message from the core in the display language, the fragments it is made of translated first. */
export function translate(text: Message | string): string {
  return translateIn(displayLanguage(), text);
}

function translateIn(language: DisplayLanguage, text: Message | string): string {
  if (!isMessage(text)) return text;
  const values: Record<string, string> = {};
  for (const [name, arg] of Object.entries(text.args))
    values[name] = isMessage(arg) ? translateIn(language, arg) : String(arg);
  return inLanguage(language, text.template, [values]);
}

/** What the core says, in the display language when it says it as a Message, else as it is. */
export function translatedText(said: { message: string; detail?: Message }): string {
  return textTranslator()(said);
}

/** translatedText for many messages at once, the display language looked up once. */
export function textTranslator(): (said: { message: string; detail?: Message }) => string {
  const language = displayLanguage();
  return (said) => (said.detail ? translateIn(language, said.detail) : said.message);
}
