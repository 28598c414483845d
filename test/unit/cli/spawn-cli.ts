import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a real CLI process from the repository root: by default `tsx src/cli/main.ts <args>`. */
export function spawnCli(args: string[], entry: string[] = ['node_modules/.bin/tsx', 'src/cli/main.ts']): Promise<CliRun> {
  const [file, ...entryArgs] = entry as [string, ...string[]];
  return new Promise((resolve) => {
    execFile(file, [...entryArgs, ...args], { cwd: REPO_ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Bad input: exit code 2, nothing on stdout, exactly one line on stderr carrying the reason code. */
export function expectBadInput(run: CliRun, reason: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(reason);
}
