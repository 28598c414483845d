import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

// Files named <version>_<name>.sql, applied in version order, each once, recorded where the
// Supabase CLI records them so the history matches a hosted project's.
export async function applyMigrations(db: PGlite, dir: string, log: (line: string) => void): Promise<number> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.sql')).sort();
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version),
  );
  let applied = 0;
  for (const file of files) {
    const match = /^(\d+)_?(.*)\.sql$/.exec(file);
    const version = match?.[1] ?? basename(file, '.sql');
    if (done.has(version)) continue;
    const sql = await readFile(join(dir, file), 'utf8');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          version,
          match?.[2] ?? '',
          [sql],
        ]);
      });
    } catch (error) {
      throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
    }
    log(`applied migration ${file}`);
    applied++;
  }
  return applied;
}

export async function applySeed(db: PGlite, file: string, log: (line: string) => void): Promise<boolean> {
  const sql = await readFile(file, 'utf8').catch(() => null);
  if (sql === null) return false;
  try {
    await db.transaction(async (tx) => {
      await tx.exec(sql);
    });
  } catch (error) {
    throw new Error(`seed ${file} failed: ${(error as Error).message}`, { cause: error });
  }
  log(`applied seed ${basename(file)}`);
  return true;
}
