import { failureExit } from './failure';
import { asksForHelp, commandHelp, VERSION_TEXT } from './help';
import { processOutput, quietWhenReaderLeaves, withEscapedControls, type Output } from './output';
import { EXIT_OK, EXIT_USAGE, USAGE, UsageError } from './usage';

type Command = (args: string[], io: Output) => Promise<number>;

/**
 * Only these names are commands (a Map, so that "constructor" or "toString" is not one). Each is
 * loaded when it runs, so that starting one (git starts the merge driver once for every file it
 * merges) does not pay for making all the others.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded when it runs, see above */
const COMMANDS = new Map<string, () => Command>([
  ['init', () => (require('./commands/init') as typeof import('./commands/init')).init],
  ['check', () => (require('./commands/check') as typeof import('./commands/check')).check],
  ['tag', () => (require('./commands/tag') as typeof import('./commands/tag')).tag],
  ['export', () => (require('./commands/export') as typeof import('./commands/export')).exportQuotes],
  ['render', () => (require('./commands/render') as typeof import('./commands/render')).render],
  ['import', () => (require('./commands/import') as typeof import('./commands/import')).importProject],
  ['query', () => (require('./commands/query') as typeof import('./commands/query')).query],
  ['stats', () => (require('./commands/stats') as typeof import('./commands/stats')).stats],
  ['codebook', () => (require('./commands/codebook') as typeof import('./commands/codebook')).codebook],
  ['agreement', () => (require('./commands/agreement') as typeof import('./commands/agreement')).agreement],
  ['diff', () => (require('./commands/diff') as typeof import('./commands/diff')).diff],
  ['pseudonymize', () => (require('./commands/pseudonymize') as typeof import('./commands/pseudonymize')).pseudonymize],
  ['merge-driver', () => (require('./commands/mergeDriver') as typeof import('./commands/mergeDriver')).mergeDriver],
]);
/* eslint-enable @typescript-eslint/no-require-imports */

/** The names of the commands, in the order of the usage text. */
export const COMMAND_NAMES: readonly string[] = [...COMMANDS.keys()];

export async function run(argv: string[], output: Output): Promise<number> {
  const io = withEscapedControls(output);
  const [name, ...args] = argv;
  if (name === 'help' && args[0] !== undefined) {
    const help = commandHelp(args[0]);
    if (help === undefined) return usageError(io, `Unknown command "${args[0]}".`);
    io.out(help);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.out(VERSION_TEXT);
    return EXIT_OK;
  }
  const load = COMMANDS.get(name);
  if (!load) return usageError(io, `Unknown command "${name}".`);
  if (asksForHelp(args)) {
    io.out(commandHelp(name) ?? USAGE);
    return EXIT_OK;
  }
  try {
    return await load()(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    return failureExit(error, `qcode ${name}`, io);
  }
}

function usageError(io: Output, message: string): number {
  io.err(`qcode: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

if (require.main === module) {
  const io = withEscapedControls(processOutput);
  quietWhenReaderLeaves();
  process.on('uncaughtException', (error) => process.exit(failureExit(error, 'qcode', io)));
  run(process.argv.slice(2), processOutput).then((code) => {
    process.exitCode = code;
  });
}
