import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Runs the steps of a composite action (action.yml) as GitHub's runner would, for the few
// expressions qcode's action uses: `${{ inputs.NAME }}` in a step's env, and `if:` conditions made
// of status functions and `steps.ID.outcome == '...'`. Anything else is an error, so the action
// cannot drift away from what this runner checks. `uses:` steps are not run: the ones allowed
// (setting up Node) are already done on this machine.

export interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

export interface Action {
  name: string;
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string; description: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepResult {
  step: string;
  outcome: 'success' | 'failure' | 'skipped';
  output: string;
}

export interface RunContext {
  /** The checkout of the action: GITHUB_ACTION_PATH. */
  actionPath: string;
  /** The checkout of the repository under test: GITHUB_WORKSPACE and the steps' folder. */
  workspace: string;
  /** RUNNER_TEMP, also where the step files (summary, outputs, path) are written. */
  temp: string;
  inputs?: Record<string, string>;
  /** Further environment: GITHUB_BASE_REF, GITHUB_EVENT_NAME, ... */
  env?: Record<string, string>;
  /** Folders added to PATH by earlier steps (GITHUB_PATH); updated by this run. */
  path?: string[];
  /** Outcomes of steps run before (by id), for a run that leaves some steps out. */
  outcomes?: Record<string, StepResult['outcome']>;
}

export interface RunResult {
  steps: StepResult[];
  summary: string;
  outputs: Record<string, string>;
  failed: boolean;
}

/** The uses: steps the action may have, which this machine already provides. */
export const PROVIDED_USES = ['actions/setup-node@v4'];

export function readAction(file: string): Action {
  return parse(readFileSync(file, 'utf8')) as Action;
}

export function runAction(action: Action, steps: readonly ActionStep[], context: RunContext): RunResult {
  const outcomes: Record<string, StepResult['outcome']> = { ...context.outcomes };
  const stepOutputs: Record<string, Record<string, string>> = {};
  const results: StepResult[] = [];
  const path = context.path ?? [];
  const inputs = inputValues(action, context.inputs ?? {});
  let summary = '';
  steps.forEach((step, index) => {
    const label = step.name ?? step.id ?? step.uses ?? `step ${index + 1}`;
    const failedBefore = results.some((r) => r.outcome === 'failure');
    if (step.uses !== undefined) {
      if (!PROVIDED_USES.includes(step.uses)) throw new Error(`${label}: no way to run "uses: ${step.uses}" here`);
      results.push({ step: label, outcome: 'skipped', output: '' });
      return;
    }
    if (!condition(step.if, failedBefore, outcomes)) {
      results.push({ step: label, outcome: 'skipped', output: '' });
      if (step.id) outcomes[step.id] = 'skipped';
      return;
    }
    const files = stepFiles(context.temp, index);
    const result = runScript(step, label, { ...context, inputs }, files, path);
    results.push(result);
    if (step.id) outcomes[step.id] = result.outcome;
    if (step.id) stepOutputs[step.id] = keyValues(readFileSync(files.output, 'utf8'));
    path.unshift(
      ...readFileSync(files.path, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .reverse(),
    );
    summary += readFileSync(files.summary, 'utf8');
  });
  context.path = path;
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, output]) => [
      name,
      substitute(output.value, (expression) => stepOutput(expression, stepOutputs)),
    ]),
  );
  return { steps: results, summary, outputs, failed: results.some((r) => r.outcome === 'failure') };
}

function runScript(
  step: ActionStep,
  label: string,
  context: RunContext,
  files: StepFiles,
  path: readonly string[],
): StepResult {
  if (step.shell !== 'bash') throw new Error(`${label}: shell is ${step.shell}, not bash`);
  if (step.run === undefined) throw new Error(`${label}: neither run nor uses`);
  if (step.run.includes('${{')) throw new Error(`${label}: an expression in a script; pass it through env`);
  const script = join(context.temp, `${files.name}.sh`);
  writeFileSync(script, step.run);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnvironment(),
    ...context.env,
    ...Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value, (e) => input(e, context))]),
    ),
    GITHUB_ACTION_PATH: context.actionPath,
    GITHUB_WORKSPACE: context.workspace,
    RUNNER_TEMP: context.temp,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_PATH: files.path,
    PATH: [...path, process.env.PATH ?? ''].join(':'),
  };
  // GitHub runs a bash step as `bash --noprofile --norc -eo pipefail {0}`.
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: context.workspace,
    env,
    encoding: 'utf8',
    timeout: 600000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  return { step: label, outcome: run.status === 0 ? 'success' : 'failure', output };
}

interface StepFiles {
  name: string;
  summary: string;
  output: string;
  path: string;
}

function stepFiles(temp: string, index: number): StepFiles {
  const dir = join(temp, '_runner_file_commands');
  if (!existsSync(dir)) mkdirSync(dir);
  const name = `step-${index + 1}`;
  const files = {
    name,
    summary: join(dir, `${name}-summary.md`),
    output: join(dir, `${name}-output`),
    path: join(dir, `${name}-path`),
  };
  for (const file of [files.summary, files.output, files.path]) writeFileSync(file, '');
  return files;
}

/** The environment of this process without npm's settings, which `npm test` would pass down. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** `key=value` lines of GITHUB_OUTPUT (the heredoc form is not used by the action). */
function keyValues(text: string): Record<string, string> {
  const pairs = text
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(pairs);
}

/** Replaces each `${{ expression }}` with what `evaluate` makes of it. */
function substitute(text: string, evaluate: (expression: string) => string): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => evaluate(expression));
}

/** The inputs given, and the defaults of the others; an input the action does not have is an error. */
function inputValues(action: Action, given: Record<string, string>): Record<string, string> {
  const unknown = Object.keys(given).filter((name) => !(name in (action.inputs ?? {})));
  if (unknown.length > 0) throw new Error(`the action has no input ${unknown.join(', ')}`);
  return Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']),
  );
}

function input(expression: string, context: RunContext): string {
  const match = /^inputs\.([\w-]+)$/.exec(expression);
  const value = match ? context.inputs?.[match[1] as string] : undefined;
  if (value === undefined) throw new Error(`unsupported expression in env: ${expression}`);
  return value;
}

function stepOutput(expression: string, outputs: Record<string, Record<string, string>>): string {
  const match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (!match) throw new Error(`unsupported expression in outputs: ${expression}`);
  return outputs[match[1] as string]?.[match[2] as string] ?? '';
}

/** A step's `if:`; without one, success(). */
function condition(text: string | undefined, failedBefore: boolean, outcomes: Record<string, string>): boolean {
  const expression = (text ?? 'success()').trim().replace(/^\$\{\{\s*(.*?)\s*\}\}$/, '$1');
  return expression.split('&&').every((term) => conditionTerm(term.trim(), failedBefore, outcomes));
}

function conditionTerm(term: string, failedBefore: boolean, outcomes: Record<string, string>): boolean {
  if (term === 'success()') return !failedBefore;
  if (term === 'failure()') return failedBefore;
  if (term === 'always()' || term === '!cancelled()') return true;
  const match = /^steps\.([\w-]+)\.outcome\s*==\s*'(\w+)'$/.exec(term);
  if (!match) throw new Error(`unsupported condition: ${term}`);
  return outcomes[match[1] as string] === match[2];
}
