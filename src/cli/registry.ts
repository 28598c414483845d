import type { CliCommand } from './command.ts';

/** The commands the CLI knows, by name. Built once from the list in commands/index.ts. */
export interface CommandRegistry {
  find(name: string): CliCommand | undefined;
  list(): readonly CliCommand[];
}

export function createRegistry(commands: readonly CliCommand[]): CommandRegistry {
  const byName = new Map<string, CliCommand>();
  for (const command of commands) {
    // Two commands under one name would make one of them unreachable without anyone noticing.
    if (byName.has(command.name)) throw new Error(`command registered twice: ${command.name}`);
    byName.set(command.name, command);
  }
  return {
    find: (name) => byName.get(name),
    list: () => [...byName.values()],
  };
}
