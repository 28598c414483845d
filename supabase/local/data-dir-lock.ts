import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite assumes it is the only process using its data folder; two backends on one folder
// corrupt it. A pid file makes the second one fail with a clear message instead.
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, '..', `${dataDir.split(/[\\/]/).filter(Boolean).pop() ?? 'db'}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(file, 'utf8').catch(() => ''));
      if (holder && isAlive(holder)) {
        throw new Error(`the data folder ${dataDir} is in use by another backend (process ${holder}); stop it first`);
      }
      // A crashed backend left its lock behind: take it over.
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
