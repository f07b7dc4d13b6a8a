import { agreementMarkdown } from '../../core/agreement/agreementMarkdown';
import {
  AgreementError,
  computeAgreement,
  type AgreementOptions,
  type AgreementReport,
} from '../../core/agreement/computeAgreement';
import type { Project } from '../../core/project/model';
import { loadProject } from '../../core/project/loadProject';
import { choice, list, parse } from '../args';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { CommandError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

export async function agreement(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      coders: { type: 'string', multiple: true },
      concept: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
    1,
  );
  const format = choice(values.format, ['md', 'json'] as const, 'md', 'format');
  const project = await loadProject(new NodeProjectFiles(projectFolder(positionals[0])));
  const report = compute(project, { coders: coderNames(values.coders), concepts: list(values.concept) });
  io.out(
    format === 'json'
      ? JSON.stringify(report, withoutDetail, 2) + '\n'
      : agreementMarkdown(report, (id) => project.codebook.get(id)?.label ?? id),
  );
  return warnings(report, io);
}

/** --coders A,B (or given more than once). */
function coderNames(value: unknown): string[] {
  return list(value)
    .flatMap((names) => names.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Names that do not fit the project are usage errors; a project with too few coders is a problem. */
function compute(project: Project, options: AgreementOptions): AgreementReport {
  try {
    return computeAgreement(project, options);
  } catch (error) {
    if (!(error instanceof AgreementError)) throw error;
    if (error.code === 'too-few-coders' && options.coders?.length === 0) throw new CommandError(error.message);
    throw new UsageError(error.message);
  }
}

function warnings(report: AgreementReport, io: Output): number {
  if (report.transcripts.length === 0)
    io.err(`No transcript was coded by all of ${report.coders.join(', ')}; nothing was compared.\n`);
  if (report.orphansSkipped > 0)
    io.err(`${report.orphansSkipped} orphaned annotation(s) were left out; run "qcode check" to see them.\n`);
  return report.transcripts.length === 0 || report.orphansSkipped > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The report as JSON, without the messages kept for translation (their English is beside them). */
function withoutDetail(key: string, value: unknown): unknown {
  return key === 'detail' ? undefined : value;
}
