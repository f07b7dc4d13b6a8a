import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import {
  attributeNames,
  conceptByAttribute,
  conceptByInformant,
  conceptCooccurrence,
  type Matrix,
} from '../../core/stats/matrix';
import { matrixCsv, matrixJson, matrixMarkdown } from '../../core/stats/matrixFormats';
import { choice, parse } from '../args';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, UsageError } from '../usage';

const FORMATS = { md: matrixMarkdown, csv: matrixCsv, json: matrixJson };
const ATTRIBUTE_PREFIX = 'attribute:';

export async function stats(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { by: { type: 'string' }, format: { type: 'string' } }, 1);
  const format = choice(values.format, ['md', 'csv', 'json'] as const, 'md', 'format');
  const by = typeof values.by === 'string' ? values.by : 'informant';
  const project = await loadProject(new NodeProjectFiles(projectFolder(positionals[0])));
  io.out(FORMATS[format](matrixBy(by, new ProjectIndex(project))));
  return EXIT_OK;
}

/** --by informant, attribute:<name> or cooccurrence. */
function matrixBy(by: string, index: ProjectIndex): Matrix {
  if (by === 'informant') return conceptByInformant(index);
  if (by === 'cooccurrence') return conceptCooccurrence(index);
  if (!by.startsWith(ATTRIBUTE_PREFIX))
    throw new UsageError(`--by must be informant, attribute:<name> or cooccurrence, not "${by}".`);
  const attribute = by.slice(ATTRIBUTE_PREFIX.length);
  const known = attributeNames(index);
  if (!known.includes(attribute)) {
    const names = known.length
      ? `The informants have: ${known.join(', ')}.`
      : 'The informants in the registry have no attributes.';
    throw new UsageError(`No informant has the attribute "${attribute}". ${names}`);
  }
  return conceptByAttribute(index, attribute);
}
