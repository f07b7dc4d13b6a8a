// Preloaded (node --require) into a process the bench runs: at exit, writes the processor time
// the process used, in milliseconds, to the file named by QCODE_BENCH_CPU_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.QCODE_BENCH_CPU_FILE, String((user + system) / 1000));
});
