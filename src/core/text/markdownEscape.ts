/**
 * Text that Markdown shows as it is: every ASCII punctuation character that Markdown (or VS Code's
 * hovers, which also read `$(icon)` and math) could take as markup gets a backslash.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}
