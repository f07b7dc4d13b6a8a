import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A rendered chapter as a standalone HTML page; HTML written in the chapter is shown as text. */
export function chapterHtml(chapterMarkdown: string, title: string, language: string): string {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
  return `<!doctype html>
<html lang="${language.replace(/[^A-Za-z0-9-]/g, '')}">
<head>
<meta charset="utf-8">
<title>${escapedTitle}</title>
<style>body{max-width:42em;margin:2em auto;font-family:Georgia,serif;line-height:1.5}blockquote{margin:1em 2em;color:#333}</style>
</head>
<body>
${markdown.render(chapterMarkdown.replace(/^\uFEFF/, ''))}</body>
</html>
`;
}
