import type { FlagSpec, ParsedFlags } from './flags.ts';

/** What a command answers: one JSON document, or a bad-input reason (exit code 2). */
export type CommandResult = { ok: true; output: unknown } | { ok: false; reason: string; detail?: string };

/** What a command may reach beyond its flags; kept small so commands stay testable. */
export interface CommandContext {
  /** Reads all of standard input, for commands that accept `-` as a file. */
  readStdin: () => Promise<string>;
}

/**
 * A subcommand as its author writes it. Adding one is a file in src/cli/commands/ that exports
 * `defineCommand({...})` and a line in src/cli/commands/index.ts.
 */
export interface CommandDefinition<S extends FlagSpec> {
  name: string;
  /** One line for the command list. */
  summary: string;
  flags: S;
  run: (flags: ParsedFlags<S>, context: CommandContext) => CommandResult | Promise<CommandResult>;
}

/** A command as the registry holds it: its flag types erased so different commands share one list. */
export interface CliCommand {
  name: string;
  summary: string;
  flags: FlagSpec;
  /** `flags` must be what `parseFlags(argv, this.flags)` produced. */
  run: (flags: Record<string, unknown>, context: CommandContext) => CommandResult | Promise<CommandResult>;
}

/** Keeps each command's flag names and types precise inside its own `run`. */
export function defineCommand<const S extends FlagSpec>(definition: CommandDefinition<S>): CliCommand {
  return {
    name: definition.name,
    summary: definition.summary,
    flags: definition.flags,
    // Sound because runCli only passes flags parsed against this very spec.
    run: (flags, context) => definition.run(flags as ParsedFlags<S>, context),
  };
}

export function succeed(output: unknown): CommandResult {
  return { ok: true, output };
}

export function fail(reason: string, detail?: string): CommandResult {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}
