import { agreement } from './commands/agreement';
import { check } from './commands/check';
import { codebook } from './commands/codebook';
import { diff } from './commands/diff';
import { exportQuotes } from './commands/export';
import { importProject } from './commands/import';
import { init } from './commands/init';
import { mergeDriver } from './commands/mergeDriver';
import { pseudonymize } from './commands/pseudonymize';
import { query } from './commands/query';
import { render } from './commands/render';
import { stats } from './commands/stats';
import { tag } from './commands/tag';
import { failureExit } from './failure';
import { asksForHelp, commandHelp, VERSION_TEXT } from './help';
import { processOutput, quietWhenReaderLeaves, withEscapedControls, type Output } from './output';
import { EXIT_OK, EXIT_USAGE, USAGE, UsageError } from './usage';

type Command = (args: string[], io: Output) => Promise<number>;

/** Only these names are commands (a Map, so that "constructor" or "toString" is not one). */
const COMMANDS = new Map<string, Command>([
  ['init', init],
  ['check', check],
  ['tag', tag],
  ['export', exportQuotes],
  ['render', render],
  ['import', importProject],
  ['query', query],
  ['stats', stats],
  ['codebook', codebook],
  ['agreement', agreement],
  ['diff', diff],
  ['pseudonymize', pseudonymize],
  ['merge-driver', mergeDriver],
]);

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
  const command = COMMANDS.get(name);
  if (!command) return usageError(io, `Unknown command "${name}".`);
  if (asksForHelp(args)) {
    io.out(commandHelp(name) ?? USAGE);
    return EXIT_OK;
  }
  try {
    return await command(args, io);
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
