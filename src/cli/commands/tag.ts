import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { tagPassage } from '../../core/operations/tagPassage';
import { cryptoRandomBytes } from '../../core/port';
import { loadProject } from '../../core/project/loadProject';
import { formatRange, parseRange } from '../../core/text/position';
import { list, parse } from '../args';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectOf } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

export async function tag(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      range: { type: 'string' },
      concept: { type: 'string', multiple: true },
      memo: { type: 'string' },
      coder: { type: 'string' },
    },
    1,
  );
  if (!positionals[0]) throw new UsageError('Name the transcript to tag.');
  const range = parseRange(String(values.range ?? ''));
  if (!range)
    throw new UsageError(
      `--range must be startLine:startColumn-endLine:endColumn (1-based, end exclusive), e.g. 21:5-21:97${values.range ? `, not "${String(values.range)}"` : ''}.`,
    );
  const concepts = list(values.concept);
  if (concepts.length === 0) throw new UsageError('Give at least one --concept ID.');
  const { root, path } = projectOf(positionals[0]);
  const files = new NodeProjectFiles(root);
  const project = await loadProject(files);
  const coder = typeof values.coder === 'string' ? values.coder : defaultCoder();
  const memo = typeof values.memo === 'string' ? values.memo : undefined;
  const result = await tagPassage(
    files,
    project,
    {
      transcript: path,
      range,
      concepts,
      created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(memo ? { memo } : {}),
      ...(coder ? { coder } : {}),
    },
    cryptoRandomBytes,
  );
  if (!result.ok) {
    io.err(`qcode tag: ${result.message}\n`);
    return EXIT_PROBLEMS;
  }
  const { annotation } = result;
  const range_ = annotation.range ? formatRange(annotation.range) : '';
  io.out(
    `${annotation.id} ${path}:${range_} [${annotation.concepts.join(', ')}]${annotation.informant ? ` ${annotation.informant}` : ''}\n`,
  );
  return EXIT_OK;
}

/** Who is coding: $QCODE_CODER, else git's user.name, else the login name. */
function defaultCoder(): string | undefined {
  if (process.env.QCODE_CODER) return process.env.QCODE_CODER;
  try {
    const name = execFileSync('git', ['config', 'user.name'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (name) return name;
  } catch {
    // not a git user; fall through
  }
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
