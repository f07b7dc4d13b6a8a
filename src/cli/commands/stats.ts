import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { countByConceptAndInformant } from '../../core/stats/counts';
import { countsToMarkdown } from '../../core/stats/statsMarkdown';
import { choice, parse } from '../args';
import { NodeProjectFiles } from '../nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK } from '../usage';

export async function stats(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, 1);
  const format = choice(values.format, ['md', 'json'] as const, 'md', 'format');
  const project = await loadProject(new NodeProjectFiles(projectFolder(positionals[0])));
  const table = countByConceptAndInformant(new ProjectIndex(project));
  io.out(format === 'json' ? JSON.stringify(table, null, 2) + '\n' : countsToMarkdown(table));
  return EXIT_OK;
}
