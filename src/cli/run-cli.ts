import type { CommandContext } from './command.ts';
import { describeFlags, parseFlags } from './flags.ts';
import type { CommandRegistry } from './registry.ts';

export const EXIT_OK = 0;
/** Reserved for faults in the program itself, so scripts can tell them from bad input. */
export const EXIT_INTERNAL_ERROR = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo extends CommandContext {
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
}

const PROGRAM = 'crossrisk';

/**
 * Runs one CLI invocation and returns its exit code. Exactly one JSON document goes to stdout on
 * success; any failure writes one line to stderr, so callers can show it as it is.
 */
export async function runCli(argv: readonly string[], registry: CommandRegistry, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.writeStderr(`${PROGRAM}: missing-command: try \`${PROGRAM} --help\`\n`);
    return EXIT_BAD_INPUT;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.writeStdout(describeProgram(registry));
    return EXIT_OK;
  }
  const command = registry.find(name);
  if (!command) {
    io.writeStderr(`${PROGRAM}: unknown-command: ${oneLine(name)} (known: ${registry.list().map((known) => known.name).join(', ')})\n`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help')) {
    io.writeStdout([`${PROGRAM} ${command.name}: ${command.summary}`, ...describeFlags(command.flags), ''].join('\n'));
    return EXIT_OK;
  }

  const parsed = parseFlags(rest, command.flags);
  if (!parsed.ok) return reportBadInput(io, command.name, parsed.reason, parsed.detail);

  try {
    const result = await command.run(parsed.flags, io);
    if (!result.ok) return reportBadInput(io, command.name, result.reason, result.detail);
    io.writeStdout(`${JSON.stringify(result.output)}\n`);
    return EXIT_OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.writeStderr(`${PROGRAM} ${command.name}: internal-error: ${oneLine(message)}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

function reportBadInput(io: CliIo, commandName: string, reason: string, detail?: string): number {
  const suffix = detail === undefined ? '' : `: ${oneLine(detail)}`;
  io.writeStderr(`${PROGRAM} ${commandName}: ${reason}${suffix}\n`);
  return EXIT_BAD_INPUT;
}

/** The stderr contract is one line; user text echoed into it must not break that. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeProgram(registry: CommandRegistry): string {
  const lines = [`usage: ${PROGRAM} <command> [flags]   (\`${PROGRAM} <command> --help\` for its flags)`, '', 'commands:'];
  for (const command of registry.list()) lines.push(`  ${command.name.padEnd(12)} ${command.summary}`);
  return `${lines.join('\n')}\n`;
}
