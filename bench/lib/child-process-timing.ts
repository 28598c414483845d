import { spawnSync } from 'node:child_process';

/**
 * Runs this same script again in a fresh process with extra arguments and parses the JSON it
 * prints on its last stdout line: the way to time "first call after start-up" without the
 * current process's warmed-up JIT.
 */
export function runFreshProcess<T>(scriptPath: string, args: readonly string[]): T {
  const r = spawnSync(process.execPath, [...process.execArgv, scriptPath, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`fresh process failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as T;
}
