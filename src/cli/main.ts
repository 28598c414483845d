import { COMMANDS } from './commands/index.ts';
import { createProcessIo } from './node-io.ts';
import { createRegistry } from './registry.ts';
import { runCli } from './run-cli.ts';

// exitCode rather than process.exit(): the JSON on stdout must be flushed before the process ends.
process.exitCode = await runCli(process.argv.slice(2), createRegistry(COMMANDS), createProcessIo());
