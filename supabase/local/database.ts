import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { postgis } from '@electric-sql/pglite-postgis';
import { BOOTSTRAP_SQL, BOOTSTRAP_VERSION, REALTIME_CAPTURE_SQL } from './bootstrap-sql.ts';
import { applyMigrations, applySeed } from './migrations.ts';

export interface OpenDatabaseOptions {
  dataDir: string;
  snapshotDir: string;
  migrationsDir: string;
  seedFile: string;
  reset?: boolean;
  log?: (line: string) => void;
}

export interface OpenedDatabase {
  db: PGlite;
  fresh: boolean;
  fromSnapshot: boolean;
}

const extensions = { postgis, pgcrypto };

// initdb plus CREATE EXTENSION postgis costs 11-23 s on two cores; unpacking a saved data
// directory costs about 3 s. Two snapshots are kept: the bootstrap alone (keyed by its text and
// the PGlite version), and bootstrap plus migrations plus seed (keyed also by those files'
// contents), so a new data folder for an unchanged schema skips even the migrations and seed.
// Any edit to a migration or the seed changes the key, so a snapshot can never be stale.
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const log = options.log ?? (() => undefined);
  const began = performance.now();
  const phase = (what: string): void => log(`${what} (${Math.round(performance.now() - began)} ms)`);
  if (options.reset) await rm(options.dataDir, { recursive: true, force: true });
  const exists = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (exists) {
    const db = await PGlite.create({ dataDir: options.dataDir, extensions });
    phase('database open');
    await db.exec(SESSION_SETUP);
    // A folder made by an older version gets the current change-capture functions.
    await db.exec(REALTIME_CAPTURE_SQL);
    const applied = await applyMigrations(db, options.migrationsDir, log);
    // The event trigger keeps capture triggers in step with later DDL; a full pass is needed
    // only when this start changed the schema.
    if (applied > 0) await db.exec('select realtime.sync_capture_triggers()');
    await db.exec(AFTER_SCRIPTS);
    phase('migrations checked');
    return { db, fresh: false, fromSnapshot: false };
  }
  await mkdir(options.dataDir, { recursive: true });
  const baseKey = await snapshotKey();
  const fullKey = await schemaKey(baseKey, options.migrationsDir, options.seedFile);
  const fullFile = join(options.snapshotDir, `${fullKey}.schema.tar.gz`);
  const full = await readFile(fullFile).catch(() => null);
  if (full) {
    const db = await PGlite.create({ dataDir: options.dataDir, extensions, loadDataDir: new Blob([full]) });
    await db.exec(SESSION_SETUP);
    phase('database unpacked from the schema snapshot');
    return { db, fresh: true, fromSnapshot: true };
  }
  const baseFile = join(options.snapshotDir, `${baseKey}.tar.gz`);
  const base = await readFile(baseFile).catch(() => null);
  let db: PGlite;
  if (base) {
    db = await PGlite.create({ dataDir: options.dataDir, extensions, loadDataDir: new Blob([base]) });
    phase('database unpacked from the bootstrap snapshot');
  } else {
    log('first start: creating the database with PostGIS (slow once, then cached)');
    db = await PGlite.create({ dataDir: options.dataDir, extensions });
    await db.exec(BOOTSTRAP_SQL);
    await saveSnapshot(db, baseFile);
    phase('database created');
  }
  await db.exec(SESSION_SETUP);
  await applyMigrations(db, options.migrationsDir, log);
  await applySeed(db, options.seedFile, log);
  await db.exec('select realtime.sync_capture_triggers()');
  await db.exec(AFTER_SCRIPTS);
  phase('migrations and seed applied');
  await saveSnapshot(db, fullFile);
  await pruneSnapshots(options.snapshotDir, baseKey);
  return { db, fresh: true, fromSnapshot: Boolean(base) };
}

// PGlite keeps one session for the process lifetime; give it the search path every Supabase
// connection gets from the database default.
const SESSION_SETUP = `set search_path = "$user", public, extensions`;

// Migrations and seeds run on the one shared session: a session-level set_config (for example
// of request.jwt.claim.sub) or SET ROLE left behind would apply to every later request.
const AFTER_SCRIPTS = `reset all; reset role; ${SESSION_SETUP}`;

/** Drops bootstrap snapshots of other versions and all but the newest few schema snapshots (~7 MB each). */
async function pruneSnapshots(dir: string, baseKey: string, keep = 6): Promise<void> {
  const all = await readdir(dir).catch(() => [] as string[]);
  for (const n of all) {
    if (/^[0-9a-f]{16}\.tar\.gz$/.test(n) && n !== `${baseKey}.tar.gz`) await rm(join(dir, n), { force: true });
  }
  const names = all.filter((n) => n.endsWith('.schema.tar.gz'));
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(keep)) await rm(join(dir, n), { force: true });
}

async function schemaKey(baseKey: string, migrationsDir: string, seedFile: string): Promise<string> {
  const hash = createHash('sha256').update(baseKey);
  const files = (await readdir(migrationsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) hash.update(`\n${f}\n`).update(await readFile(join(migrationsDir, f)));
  hash.update('\nseed\n').update((await readFile(seedFile).catch(() => null)) ?? '(none)');
  return hash.digest('hex').slice(0, 24);
}

async function snapshotKey(): Promise<string> {
  const version = await packageVersion('@electric-sql/pglite');
  return createHash('sha256').update(`${version}\n${BOOTSTRAP_VERSION}\n${BOOTSTRAP_SQL}`).digest('hex').slice(0, 16);
}

async function packageVersion(name: string): Promise<string> {
  // The package does not export its package.json, so find it beside its resolved entry.
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (let i = 0; i < 5; i++) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (text) {
      const parsed = JSON.parse(text) as { name?: string; version?: string };
      if (parsed.name === name) return parsed.version ?? 'unknown';
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

async function saveSnapshot(db: PGlite, file: string): Promise<void> {
  const blob = await db.dumpDataDir('gzip');
  await mkdir(join(file, '..'), { recursive: true });
  // Write then rename so a concurrent starter never reads half a snapshot.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
  await rename(partial, file);
}
