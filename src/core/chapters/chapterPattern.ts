import { joinPath } from '../paths';

/** A files pattern such as "chapters/**\/*.md": "**" is any folders, "*" and "?" stay within a name. */
export interface ChapterPattern {
  /** The folder to search from: the pattern's leading names without wildcards. */
  folder: string;
  matches(path: string): boolean;
}

export function chapterPattern(pattern: string): ChapterPattern {
  const segments = joinPath(pattern).split('/');
  const wild = segments.findIndex((s) => /[*?]/.test(s));
  const folder = (wild < 0 ? segments.slice(0, -1) : segments.slice(0, wild)).join('/');
  const source = segments.map((segment, i) =>
    segment === '**'
      ? i === segments.length - 1
        ? '.*'
        : '(?:.*/)?'
      : `${segmentSource(segment)}${i === segments.length - 1 ? '' : '/'}`,
  );
  const expression = new RegExp(`^${source.join('')}$`, 'u');
  return { folder, matches: (path) => expression.test(path) };
}

function segmentSource(segment: string): string {
  return segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
}
