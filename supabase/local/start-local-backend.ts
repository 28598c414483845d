import type { AddressInfo } from 'node:net';
import { createAuthContext } from './auth/auth-context.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import { DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from './demo-keys.ts';
import { createHttpServer, type HttpContext } from './http-server.ts';
import { DEFAULT_DATA_DIR, DEFAULT_MIGRATIONS_DIR, DEFAULT_SEED_FILE, DEFAULT_SNAPSHOT_DIR } from './paths.ts';
import { attachRealtime } from './realtime/realtime-server.ts';
import { loadSwitchableRoles } from './request-transaction.ts';
import { SchemaCache } from './rest/schema-cache.ts';
import type { PGlite } from '@electric-sql/pglite';

export interface LocalBackendOptions {
  /** 54321 like `supabase start`; 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Binding beyond loopback exposes the public demo keys: it must be asked for by name. */
  allowNonLoopback?: boolean;
  dataDir?: string;
  snapshotDir?: string;
  migrationsDir?: string;
  seedFile?: string;
  reset?: boolean;
  jwtExpirySeconds?: number;
  /** bcrypt work factor; GoTrue uses 10, tests may lower it to create users quickly. */
  bcryptCost?: number;
  exposedSchemas?: string[];
  log?: (line: string) => void;
}

export interface LocalBackend {
  url: string;
  port: number;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  db: PGlite;
  timings: { databaseMs: number; totalMs: number; fromSnapshot: boolean; fresh: boolean };
  realtime: { dropAllConnections(): void; drain(): Promise<void> };
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startLocalBackend(options: LocalBackendOptions = {}): Promise<LocalBackend> {
  const started = performance.now();
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.allowNonLoopback) {
    throw new Error(`refusing to listen on ${host}: the local backend uses public demo keys and is for this machine only`);
  }
  const log = options.log ?? (() => undefined);
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const unlock = await lockDataDir(dataDir);
  const opened = await openDatabase({
    dataDir,
    snapshotDir: options.snapshotDir ?? DEFAULT_SNAPSHOT_DIR,
    migrationsDir: options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
    seedFile: options.seedFile ?? DEFAULT_SEED_FILE,
    reset: options.reset ?? false,
    log,
  }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  const databaseMs = performance.now() - started;
  const db = opened.db;
  const cache = new SchemaCache(db);
  await cache.reload();
  // `NOTIFY pgrst, 'reload schema'` works as with PostgREST, for migrations applied at run time.
  await db.listen('pgrst', () => {
    // A failed reload keeps the previous cache; it must never take the process down.
    cache.reload().catch((error: unknown) => log(`schema cache reload failed: ${(error as Error).message}`));
  });
  const port = options.port ?? 54321;
  const displayHost = host.includes(':') ? `[${host}]` : host;
  const ctx: HttpContext = {
    jwtSecret: DEMO_JWT_SECRET,
    anonKey: DEMO_ANON_KEY,
    switchableRoles: await loadSwitchableRoles(db),
    allowNonLoopback: options.allowNonLoopback ?? false,
    rest: { db, cache, exposedSchemas: options.exposedSchemas ?? ['public', 'graphql_public'] },
    auth: createAuthContext(db, {
      jwtSecret: DEMO_JWT_SECRET,
      jwtExpirySeconds: options.jwtExpirySeconds ?? 3600,
      bcryptCost: options.bcryptCost ?? 10,
      issuer: `http://${displayHost}:${port}/auth/v1`,
    }),
  };
  const server = createHttpServer(ctx);
  const realtime = await attachRealtime(server, { db, jwtSecret: DEMO_JWT_SECRET, switchableRoles: ctx.switchableRoles, allowNonLoopback: ctx.allowNonLoopback ?? false });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    // Port taken, most often by another backend: release everything before reporting it.
    await realtime.close();
    await db.close();
    await unlock();
    throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`, { cause: error });
  }
  const actualPort = (server.address() as AddressInfo).port;
  ctx.auth.tokens.issuer = `http://${displayHost}:${actualPort}/auth/v1`;
  let stopped = false;
  return {
    url: `http://${displayHost}:${actualPort}`,
    port: actualPort,
    anonKey: DEMO_ANON_KEY,
    serviceRoleKey: DEMO_SERVICE_ROLE_KEY,
    jwtSecret: DEMO_JWT_SECRET,
    db,
    realtime: { dropAllConnections: () => realtime.dropAllConnections(), drain: () => realtime.drain() },
    timings: { databaseMs, totalMs: performance.now() - started, fromSnapshot: opened.fromSnapshot, fresh: opened.fresh },
    async stop() {
      if (stopped) return;
      stopped = true;
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await unlock();
    },
  };
}
