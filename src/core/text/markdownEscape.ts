/**
 * Text that Markdown shows as it is: a backslash before each character that could start markup
 * (emphasis, code, links, images, HTML, headings, tables, strikethrough) or, in VS Code's hovers, an
 * icon or math (`$`). Punctuation that is markup only at the start of a line (`1.`, `-`, `+`) is left
 * alone, so a memo's own list reads as a list.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~$]/g, '\\$&');
}
