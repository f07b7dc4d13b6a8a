import { agreement } from './commands/agreement';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { exportQuotes } from './commands/export';
import { importProject } from './commands/import';
import { init } from './commands/init';
import { mergeDriver } from './commands/mergeDriver';
import { stats } from './commands/stats';
import { tag } from './commands/tag';
import { processOutput, type Output } from './output';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, USAGE, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], io: Output) => Promise<number>> = { init, check, tag, export: exportQuotes, import: importProject, stats, agreement, diff, 'merge-driver': mergeDriver };

export async function run(argv: string[], io: Output): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) return usageError(io, `Unknown command "${name}".`);
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    io.err(`qcode ${name}: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  }
}

function usageError(io: Output, message: string): number {
  io.err(`qcode: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

if (require.main === module) {
  run(process.argv.slice(2), processOutput).then((code) => {
    process.exitCode = code;
  });
}
