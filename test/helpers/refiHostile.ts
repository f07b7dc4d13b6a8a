// Small REFI-QDA projects written as text, for tests that feed the importer what no tool should
// write: duplicate GUIDs, odd variable names, deep code trees, bad positions, paths that climb out.

export interface HandSelection {
  guid: string;
  start: number | string;
  end: number | string;
  code?: string;
}

export interface HandSource {
  guid: string;
  name: string;
  plainTextPath?: string;
  selections: HandSelection[];
}

export interface HandProject {
  codes?: { guid: string; name: string }[];
  sources?: HandSource[];
  variables?: { guid: string; name: string }[];
  cases?: { guid: string; name: string; values: Record<string, string> }[];
}

export const CODE_GUID = '0a000000-0000-4000-8000-000000000001';

/** A project.qde of the given parts (one code "Tema" unless others are given). */
export function projectXml(project: HandProject): string {
  const codes = project.codes ?? [{ guid: CODE_GUID, name: 'Tema' }];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Project xmlns="urn:QDA-XML:project:1.0" name="fiendtlig" origin="hand">',
  ];
  lines.push(
    `<CodeBook><Codes>${codes.map((c) => `<Code guid="${c.guid}" name="${attr(c.name)}" isCodable="true"/>`).join('')}</Codes></CodeBook>`,
  );
  if (project.variables)
    lines.push(
      `<Variables>${project.variables.map((v) => `<Variable guid="${v.guid}" name="${attr(v.name)}" typeOfVariable="Text"/>`).join('')}</Variables>`,
    );
  if (project.cases) lines.push(`<Cases>${project.cases.map(caseXml(project)).join('')}</Cases>`);
  lines.push(`<Sources>${(project.sources ?? []).map(sourceXml).join('\n')}</Sources>`, '</Project>');
  return lines.join('\n');
}

function caseXml(project: HandProject) {
  return (c: NonNullable<HandProject['cases']>[number]): string => {
    const values = Object.entries(c.values).map(([name, value]) => {
      const variable = project.variables?.find((v) => v.name === name);
      return `<VariableValue><VariableRef targetGUID="${variable?.guid ?? ''}"/><TextValue>${attr(value)}</TextValue></VariableValue>`;
    });
    return `<Case guid="${c.guid}" name="${attr(c.name)}">${values.join('')}</Case>`;
  };
}

function sourceXml(source: HandSource): string {
  const selections = source.selections.map(
    (s) =>
      `<PlainTextSelection guid="${s.guid}" name="" startPosition="${s.start}" endPosition="${s.end}"><Coding guid="${s.guid.slice(0, -1)}f"><CodeRef targetGUID="${s.code ?? CODE_GUID}"/></Coding></PlainTextSelection>`,
  );
  return `<TextSource guid="${source.guid}" name="${attr(source.name)}" plainTextPath="${attr(source.plainTextPath ?? `internal://${source.guid}.txt`)}">\n${selections.join('\n')}\n</TextSource>`;
}

/** A code tree `depth` levels deep, one code per level. */
export function deepCodesXml(depth: number): string {
  let codes = '';
  for (let level = depth; level >= 1; level--)
    codes = `\n<Code guid="0d000000-0000-4000-8000-${String(level).padStart(12, '0')}" name="nivå ${level}" isCodable="true">${codes}</Code>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="dyp"><CodeBook><Codes>${codes}</Codes></CodeBook></Project>\n`;
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
