import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalBackend } from '../../../supabase/local/index.ts';
import { FIXTURE_MIGRATIONS, FIXTURE_SEED, startTestBackend, type TestBackend } from './test-backend.ts';

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
});

afterAll(async () => {
  await t?.stop();
});

describe('bootstrap mirrors what Supabase provides', () => {
  it('has the API roles, switchable through authenticator, with service_role bypassing RLS', async () => {
    const roles = await t.backend.db.query<{ rolname: string; rolbypassrls: boolean; member: boolean }>(
      `select rolname, rolbypassrls, pg_has_role('authenticator', oid, 'member') as member from pg_roles
       where rolname in ('anon', 'authenticated', 'service_role') order by rolname`);
    expect(roles.rows).toEqual([
      { rolname: 'anon', rolbypassrls: false, member: true },
      { rolname: 'authenticated', rolbypassrls: false, member: true },
      { rolname: 'service_role', rolbypassrls: true, member: true },
    ]);
  });

  it('auth.uid(), auth.role() and auth.jwt() read the request claims as Supabase defines them', async () => {
    const res = await t.backend.db.transaction(async (tx) => {
      await tx.query(`select set_config('request.jwt.claims', '{"sub":"00000000-0000-0000-0000-000000000001","role":"authenticated","email":"x@y.z"}', true)`);
      return tx.query<{ uid: string; role: string; email: string }>(`select auth.uid() as uid, auth.role() as role, auth.jwt()->>'email' as email`);
    });
    expect(res.rows[0]).toEqual({ uid: '00000000-0000-0000-0000-000000000001', role: 'authenticated', email: 'x@y.z' });
    const legacy = await t.backend.db.transaction(async (tx) => {
      await tx.query(`select set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-000000000002', true)`);
      return tx.query<{ uid: string }>('select auth.uid() as uid');
    });
    expect(legacy.rows[0]?.uid).toBe('00000000-0000-0000-0000-000000000002');
  });

  it('has PostGIS, the realtime publication with capture triggers, and the migration history', async () => {
    const postgis = await t.backend.db.query<{ v: string }>('select extensions.postgis_lib_version() as v');
    expect(postgis.rows[0]?.v).toMatch(/^3\./);
    const published = await t.backend.db.query<{ tablename: string }>(
      `select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by tablename`);
    expect(published.rows.map((r) => r.tablename)).toEqual(['accounts', 'audit_events', 'notes', 'readings', 'tasks']);
    const triggers = await t.backend.db.query<{ relname: string }>(
      `select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'zz_realtime_capture' order by 1`);
    expect(triggers.rows.map((r) => r.relname)).toEqual(['accounts', 'audit_events', 'notes', 'readings', 'tasks']);
    const history = await t.backend.db.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
    expect(history.rows.map((r) => r.version).sort()).toEqual(['20240101000000', '20240102000000', '20240103000000', '20240104000000']);
  });

  it('a table added to the publication later gets a capture trigger', async () => {
    await t.backend.db.exec(`create table public.late (id int primary key); alter publication supabase_realtime add table public.late;`);
    const triggers = await t.backend.db.query(`select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relname = 'late' and t.tgname = 'zz_realtime_capture'`);
    expect(triggers.rows).toHaveLength(1);
    await t.backend.db.exec('drop table public.late');
  });

  it('refuses a second backend on the same data folder', async () => {
    await expect(startLocalBackend({ port: 0, dataDir: t.dataDir, migrationsDir: FIXTURE_MIGRATIONS, seedFile: FIXTURE_SEED }))
      .rejects.toThrow(/in use by another backend/);
  });

  it('refuses a non-loopback address unless told', async () => {
    await expect(startLocalBackend({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/refusing/);
  });
});

describe('persistence', () => {
  it('keeps data across a restart, and --reset reseeds', async () => {
    const root = await mkdtemp(join(tmpdir(), 'crossrisk-restart-'));
    const options = { port: 0, dataDir: join(root, 'db'), migrationsDir: FIXTURE_MIGRATIONS, seedFile: FIXTURE_SEED, bcryptCost: 4 };
    try {
      const first = await startLocalBackend(options);
      await first.db.query(`insert into public.projects (id, name) values (42, 'kept across restarts')`);
      await first.stop();

      const second = await startLocalBackend(options);
      expect(second.timings.fresh).toBe(false);
      const kept = await fetch(`${second.url}/rest/v1/projects?id=eq.42&select=name`, { headers: { apikey: second.anonKey } });
      expect(await kept.json()).toEqual([{ name: 'kept across restarts' }]);
      const seeded = await second.db.query('select count(*)::int as n from public.projects');
      expect(seeded.rows[0]).toEqual({ n: 4 });
      await second.stop();

      const third = await startLocalBackend({ ...options, reset: true });
      expect(third.timings.fresh).toBe(true);
      const reset = await third.db.query<{ n: number }>('select count(*)::int as n from public.projects');
      expect(reset.rows[0]?.n).toBe(3);
      await third.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
