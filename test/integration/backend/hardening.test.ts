import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { DEMO_JWT_SECRET, signJwt } from '../../../supabase/local/index.ts';
import { collect, subscribed } from './realtime-helpers.ts';
import { startTestBackend, waitFor, type TestBackend } from './test-backend.ts';

// Security and protocol-fidelity checks, each against a real backend through supabase-js or raw
// HTTP and WebSocket frames.

let t: TestBackend;
let alice: { client: SupabaseClient; userId: string };
let bob: { client: SupabaseClient; userId: string };

beforeAll(async () => {
  t = await startTestBackend();
  alice = await t.signedInUser('alice.hard@example.test');
  bob = await t.signedInUser('bob.hard@example.test');
});

afterAll(async () => {
  await t?.stop();
});


async function accessToken(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession();
  return data.session?.access_token as string;
}

/** A raw Phoenix socket that records every frame. */
async function rawSocket(vsn: '1.0.0' | '2.0.0', options: WebSocket.ClientOptions = {}) {
  const url = `${t.backend.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${t.backend.anonKey}&vsn=${vsn}`;
  const ws = new WebSocket(url, options);
  const frames: unknown[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => frames.push(isBinary ? data : JSON.parse(data.toString('utf8'))));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames };
}

function replyTo(frames: unknown[], ref: string): { status: string; response: unknown } | undefined {
  for (const f of frames) {
    if (Array.isArray(f) && f[1] === ref && f[3] === 'phx_reply') return f[4] as { status: string; response: unknown };
    if (f && typeof f === 'object' && !Array.isArray(f) && !Buffer.isBuffer(f)) {
      const o = f as { ref?: string; event?: string; payload?: { status: string; response: unknown } };
      if (o.ref === ref && o.event === 'phx_reply') return o.payload;
    }
  }
  return undefined;
}

describe('realtime honours privileges', () => {
  it('S1: record, old_record and columns carry only the columns the subscriber may select', async () => {
    const a = collect(alice.client, 'grants', { event: '*', table: 'accounts' });
    await a.ready;
    // Writes need no SELECT on "secret" (nothing is read back); reading it is refused.
    expect((await alice.client.from('accounts').insert({ label: 'checking', secret: 'hunter2', amount: 10 })).error).toBeNull();
    expect((await alice.client.from('accounts').select('secret')).error?.code).toBe('42501');
    const ins = await alice.client.from('accounts').select('id').eq('label', 'checking').single();
    await alice.client.from('accounts').update({ secret: 'hunter3', label: 'main' }).eq('id', ins.data?.id as number);
    await waitFor(() => a.changes.length >= 2, 'insert and update');
    for (const change of a.changes) {
      expect(change.new).not.toHaveProperty('secret');
      expect(change.new).toMatchObject({ id: ins.data?.id, owner: alice.userId });
    }
    expect(a.changes[1]?.new).toMatchObject({ label: 'main' });
    await alice.client.removeChannel(a.channel);
  });

  it('S1: the columns list sent over the wire leaves out columns the role may not select', async () => {
    const token = await accessToken(alice.client);
    const { ws, frames } = await rawSocket('2.0.0');
    ws.send(JSON.stringify(['1', '1', 'realtime:grants-raw', 'phx_join', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'accounts' }] }, access_token: token }]));
    await waitFor(() => replyTo(frames, '1') !== undefined, 'join reply');
    expect(replyTo(frames, '1')?.status).toBe('ok');
    await alice.client.from('accounts').insert({ label: 'raw', secret: 'never sent' });
    await waitFor(() => frames.some((f) => Array.isArray(f) && f[3] === 'postgres_changes'), 'the change');
    const change = frames.find((f) => Array.isArray(f) && f[3] === 'postgres_changes') as [string, string, string, string, { data: { columns: { name: string }[]; record: object } }];
    expect(change[4].data.columns.map((c) => c.name)).not.toContain('secret');
    expect(JSON.stringify(change[4])).not.toContain('never sent');
    ws.close();
  });

  it('S2: with RLS on, a key-less table sends DELETE with an empty old_record, to the owner and to others', async () => {
    const a = collect(alice.client, 'keyless-a', { event: 'DELETE', table: 'audit_events' });
    const b = collect(bob.client, 'keyless-b', { event: 'DELETE', table: 'audit_events' });
    await Promise.all([a.ready, b.ready]);
    await alice.client.from('audit_events').insert({ kind: 'login', detail: 'from the lab laptop' });
    const del = await alice.client.from('audit_events').delete().eq('kind', 'login');
    expect(del.error).toBeNull();
    await waitFor(() => a.changes.length >= 1 && b.changes.length >= 1, 'the delete');
    expect(a.changes[0]?.old).toEqual({});
    expect(b.changes[0]?.old).toEqual({});
    await Promise.all([alice.client.removeChannel(a.channel), bob.client.removeChannel(b.channel)]);
  });

  it('S2: with RLS on, UPDATE old_record carries only the primary key', async () => {
    const a = collect(alice.client, 'old-keys', { event: 'UPDATE', table: 'accounts' });
    await a.ready;
    await alice.client.from('accounts').insert({ label: 'old keys' });
    const ins = await alice.client.from('accounts').select('id').eq('label', 'old keys').single();
    await alice.client.from('accounts').update({ label: 'new keys' }).eq('id', ins.data?.id as number);
    await waitFor(() => a.changes.length >= 1, 'the update');
    expect(a.changes[0]?.old).toEqual({ id: ins.data?.id });
    await alice.client.removeChannel(a.channel);
  });

  it('S4: a leftover session-level request.jwt.claim.sub changes nobody\'s identity', async () => {
    await t.backend.db.query(`select set_config('request.jwt.claim.sub', $1, false)`, [alice.userId]);
    try {
      const who = await bob.client.rpc('whoami');
      expect((who.data as { uid: string }).uid).toBe(bob.userId);
      const b = collect(bob.client, 'leftover', { event: 'INSERT', table: 'notes' });
      await b.ready;
      await alice.client.from('notes').insert({ title: 'alice private', score: 1 });
      await bob.client.from('notes').insert({ title: 'bob marker', score: 1 });
      await waitFor(() => b.changes.some((c) => (c.new as { title: string }).title === 'bob marker'), 'bob\'s own insert');
      await t.backend.realtime.drain();
      expect(b.changes.map((c) => (c.new as { title: string }).title)).toEqual(['bob marker']);
      await bob.client.removeChannel(b.channel);
    } finally {
      await t.backend.db.query(`select set_config('request.jwt.claim.sub', '', false)`);
    }
  });

  it('S5: a private channel is re-authorized when a pushed token changes who the member is', async () => {
    const aliceToken = await accessToken(alice.client);
    const bobToken = await accessToken(bob.client);
    const c = t.client();
    await c.realtime.setAuth(aliceToken);
    const statuses: string[] = [];
    const got: unknown[] = [];
    const room = c.channel(`room-${alice.userId}`, { config: { private: true } }).on('broadcast', { event: 'note' }, (m) => got.push(m.payload));
    await subscribed(room, statuses);
    await c.realtime.setAuth(bobToken);
    await waitFor(() => statuses.some((s) => s === 'CLOSED' || s === 'CHANNEL_ERROR'), 'the server to close the channel');
    await t.backend.db.query(`select realtime.send('{"n":1}'::jsonb, 'note', $1, true)`, [`room-${alice.userId}`]);
    await t.backend.realtime.drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
    await c.removeAllChannels();
  });
});

describe('realtime survives bad frames', () => {
  it('R1: a join with a malformed postgres_changes entry is refused and the server lives on', async () => {
    const { ws, frames } = await rawSocket('2.0.0');
    ws.send(JSON.stringify(['1', '1', 'realtime:bad-config', 'phx_join', { config: { postgres_changes: [null] } }]));
    ws.send(JSON.stringify(['2', '2', 'realtime:bad-config-2', 'phx_join', { config: 'nonsense' }]));
    ws.send(JSON.stringify([null, '3', 'phoenix', 'heartbeat', {}]));
    await waitFor(() => replyTo(frames, '3') !== undefined, 'heartbeat reply');
    expect(replyTo(frames, '1')?.status).toBe('error');
    expect(replyTo(frames, '2')?.status).toBe('error');
    ws.close();
    expect((await fetch(`${t.backend.url}/auth/v1/health`)).status).toBe(200);
  });

  it('R1: a binary broadcast that is not JSON reaches vsn 2 members, skips vsn 1 members, and kills nothing', async () => {
    const v1 = await rawSocket('1.0.0');
    const v2 = await rawSocket('2.0.0');
    v1.ws.send(JSON.stringify({ topic: 'realtime:bin', event: 'phx_join', payload: { config: {} }, ref: '1', join_ref: '1' }));
    v2.ws.send(JSON.stringify(['1', '1', 'realtime:bin', 'phx_join', { config: { broadcast: { self: true } } }]));
    await waitFor(() => replyTo(v1.frames, '1') !== undefined && replyTo(v2.frames, '1') !== undefined, 'both joins');
    const parts = ['1', '', 'realtime:bin', 'ping', ''].map((p) => Buffer.from(p, 'utf8'));
    const frame = Buffer.concat([Buffer.from([3, ...parts.map((p) => p.length), 1]), ...parts, Buffer.from('{not json', 'utf8')]);
    v2.ws.send(frame);
    v1.ws.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '2', join_ref: null }));
    v2.ws.send(JSON.stringify([null, '2', 'phoenix', 'heartbeat', {}]));
    await waitFor(() => replyTo(v1.frames, '2') !== undefined && replyTo(v2.frames, '2') !== undefined, 'heartbeats after the frame');
    expect(v2.frames.some((f) => Buffer.isBuffer(f))).toBe(true);
    v1.ws.close();
    v2.ws.close();
  });

  it('R4: a frame over the size limit closes only that socket', async () => {
    const { ws } = await rawSocket('2.0.0');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', { pad: 'x'.repeat(2 * 1024 * 1024) }]));
    expect(await closed).toBe(1009);
    expect((await fetch(`${t.backend.url}/auth/v1/health`)).status).toBe(200);
  });
});

describe('the schema cache', () => {
  it('R2: a failed reload on NOTIFY pgrst keeps the process and the previous cache', async () => {
    const db = t.backend.db;
    const original = db.query.bind(db);
    let reloadAttempted = false;
    // In the backend's own process an unhandled rejection ends it (Node's default).
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    // Only the catalog read of the reload fails, as a broken catalog or a closing database would.
    db.query = ((sql: string, ...rest: unknown[]) => {
      if (/from pg_class c join pg_namespace n/.test(sql)) {
        reloadAttempted = true;
        return Promise.reject(new Error('catalog unavailable'));
      }
      return (original as (...a: unknown[]) => unknown)(sql, ...rest);
    }) as typeof db.query;
    try {
      await original(`notify pgrst, 'reload schema'`);
      await waitFor(() => reloadAttempted, 'the reload');
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      db.query = original;
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    const projects = await t.client().from('projects').select('name').eq('id', 1).single();
    expect(projects.data).toEqual({ name: 'levee' });
  });
});

describe('realtime delivers what was committed, filtered by type', () => {
  it('P1: filters compare with the column type: numeric scale, UUID case, timestamps, in', async () => {
    const ref = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
    const all = collect(alice.client, 'f-all', { event: 'INSERT', table: 'accounts' });
    const byAmount = collect(alice.client, 'f-amount', { event: 'INSERT', table: 'accounts', filter: 'amount=eq.1.50' });
    const byRef = collect(alice.client, 'f-ref', { event: 'INSERT', table: 'accounts', filter: `ref=eq.${ref.toUpperCase()}` });
    const byDue = collect(alice.client, 'f-due', { event: 'INSERT', table: 'accounts', filter: 'due=gte.2030-01-01T00:00:00Z' });
    const byIn = collect(alice.client, 'f-in', { event: 'INSERT', table: 'accounts', filter: 'amount=in.(1.5,7)' });
    await Promise.all([all.ready, byAmount.ready, byRef.ready, byDue.ready, byIn.ready]);
    await alice.client.from('accounts').insert({ label: 'match', amount: 1.5, ref, due: '2031-06-01 12:00:00+02' });
    await alice.client.from('accounts').insert({ label: 'no match', amount: 2, ref: 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', due: '2029-12-31T23:59:59Z' });
    await waitFor(() => all.changes.length >= 2, 'both inserts');
    await t.backend.realtime.drain();
    for (const sub of [byAmount, byRef, byDue, byIn]) {
      expect(sub.changes.map((c) => (c.new as { label: string }).label)).toEqual(['match']);
    }
    await alice.client.removeAllChannels();
  });

  it('P1: a filter on an unknown column, or a value the column type rejects, fails the join', async () => {
    for (const [name, filter] of [['f-unknown', 'nope=eq.1'], ['f-badvalue', 'amount=eq.lots']] as const) {
      const statuses: string[] = [];
      const channel = alice.client.channel(name).on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'accounts', filter } as never, () => undefined);
      await expect(subscribed(channel, statuses)).rejects.toBeDefined();
      expect(statuses).not.toContain('SUBSCRIBED');
      await alice.client.removeChannel(channel);
    }
  });

  it('P2: INSERT and UPDATE carry the row as committed, even when it changed or went before delivery', async () => {
    const anonClient = t.client();
    const r = collect(anonClient, 'committed', { event: '*', table: 'readings' });
    const tasks = collect(alice.client, 'committed-rls', { event: '*', table: 'tasks' });
    await Promise.all([r.ready, tasks.ready]);
    // One call, three transactions: all have committed before the first is delivered.
    await t.backend.db.exec(`
      insert into public.readings (id, value) values (1, 1);
      update public.readings set value = 2 where id = 1;
      delete from public.readings where id = 1;
      insert into public.tasks (id, project_id, title) values (100, 1, 'first');
      update public.tasks set title = 'second' where id = 100;`);
    await waitFor(() => r.changes.length >= 3 && tasks.changes.length >= 2, 'every change');
    expect(r.changes.map((c) => [c.eventType, (c.new as { value?: number }).value])).toEqual([['INSERT', 1], ['UPDATE', 2], ['DELETE', undefined]]);
    expect(r.changes[2]?.old).toEqual({ id: 1 });
    expect(tasks.changes.map((c) => [c.eventType, (c.new as { title: string }).title])).toEqual([['INSERT', 'first'], ['UPDATE', 'second']]);
    await t.backend.db.exec('delete from public.tasks where id = 100');
    await Promise.all([anonClient.removeAllChannels(), alice.client.removeChannel(tasks.channel)]);
  });
});

describe('REST and auth hardening', () => {
  it('S3: a select cast is one type name, never SQL', async () => {
    const base = `${t.backend.url}/rest/v1`;
    const headers = { apikey: t.backend.anonKey };
    for (const select of ['name::text from projects', 'name::text as x', 'id::"int4"', 'id::int4;select']) {
      const res = await fetch(`${base}/projects?select=${encodeURIComponent(select)}`, { headers });
      expect(res.status, select).toBe(400);
      expect(((await res.json()) as { code: string }).code, select).toBe('PGRST100');
    }
    const ok = await t.client().from('projects').select('id::text, n:id::integer, tags:name::varchar').eq('id', 1).single();
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual({ id: '1', n: 1, tags: 'levee' });
  });

  it('S6: a token whose exp is not a number is refused', async () => {
    const forever = signJwt({ sub: bob.userId, role: 'authenticated', aud: 'authenticated', exp: 'never' } as never, DEMO_JWT_SECRET);
    const res = await fetch(`${t.backend.url}/rest/v1/projects`, { headers: { apikey: t.backend.anonKey, authorization: `Bearer ${forever}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('PGRST301');
  });

  it('S6: only loopback origins and hosts are answered, over HTTP and WebSocket', async () => {
    const url = `${t.backend.url}/rest/v1/projects`;
    const good = await fetch(url, { headers: { apikey: t.backend.anonKey, origin: 'http://localhost:5173' } });
    expect(good.status).toBe(200);
    expect(good.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await fetch(url, { headers: { apikey: t.backend.anonKey, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(url, { headers: { host: 'attacker.example:54321', apikey: t.backend.anonKey } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    await expect(rawSocket('2.0.0', { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const fine = await rawSocket('2.0.0', { origin: 'http://127.0.0.1:5173' });
    fine.ws.close();
  });

  it('P3: an invalid bearer does not block sign-in, sign-up or health; it does block /user', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ sub: bob.userId, role: 'authenticated', aud: 'authenticated', iat: now - 7200, exp: now - 3600 }, DEMO_JWT_SECRET);
    const headers = { apikey: t.backend.anonKey, authorization: `Bearer ${expired}`, 'content-type': 'application/json' };
    const health = await fetch(`${t.backend.url}/auth/v1/health`, { headers });
    expect(health.status).toBe(200);
    const signIn = await fetch(`${t.backend.url}/auth/v1/token?grant_type=password`, {
      method: 'POST', headers, body: JSON.stringify({ email: 'bob.hard@example.test', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const signUp = await fetch(`${t.backend.url}/auth/v1/signup`, { method: 'POST', headers, body: JSON.stringify({ email: 'carol.hard@example.test', password: 'a long password' }) });
    expect(signUp.status).toBe(200);
    const user = await fetch(`${t.backend.url}/auth/v1/user`, { headers });
    expect(user.status).toBe(403);
    expect(((await user.json()) as { code: string }).code).toBe('bad_jwt');
  });

  it('R3: a user is created with its identity or not at all', async () => {
    await t.backend.db.exec(`
      create function public.refuse_identity() returns trigger language plpgsql as $$
      begin
        if new.identity_data->>'email' like 'refused%' then raise exception 'identity refused'; end if;
        return new;
      end $$;
      create trigger refuse_identity before insert on auth.identities for each row execute function public.refuse_identity();`);
    try {
      const admin = t.client(t.backend.serviceRoleKey);
      const res = await admin.auth.admin.createUser({ email: 'refused@example.test', password: 'correct horse battery', email_confirm: true });
      expect(res.error).not.toBeNull();
      const left = await t.backend.db.query(`select 1 from auth.users where email = 'refused@example.test'`);
      expect(left.rows).toEqual([]);
    } finally {
      await t.backend.db.exec('drop trigger refuse_identity on auth.identities; drop function public.refuse_identity()');
    }
  });

  it('R3: a refresh that cannot issue a new token leaves the old one unrevoked', async () => {
    const c = t.client();
    const signIn = await c.auth.signInWithPassword({ email: 'bob.hard@example.test', password: 'correct horse battery' });
    const refreshToken = signIn.data.session?.refresh_token as string;
    await t.backend.db.exec(`
      create function public.refuse_refresh() returns trigger language plpgsql as $$
      begin
        if new.parent is not null then raise exception 'refresh refused'; end if;
        return new;
      end $$;
      create trigger refuse_refresh before insert on auth.refresh_tokens for each row execute function public.refuse_refresh();`);
    try {
      const res = await fetch(`${t.backend.url}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST', headers: { apikey: t.backend.anonKey, 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: refreshToken }),
      });
      expect(res.status).toBe(500);
      const row = await t.backend.db.query<{ revoked: boolean }>('select revoked from auth.refresh_tokens where token = $1', [refreshToken]);
      expect(row.rows[0]?.revoked).toBe(false);
    } finally {
      await t.backend.db.exec('drop trigger refuse_refresh on auth.refresh_tokens; drop function public.refuse_refresh()');
    }
  });

  it('admin createUser with an id that is not a UUID is a 400', async () => {
    const res = await fetch(`${t.backend.url}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { apikey: t.backend.serviceRoleKey, authorization: `Bearer ${t.backend.serviceRoleKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'not-a-uuid', email: 'badid@example.test', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('validation_failed');
  });

  it('count with an offset past the end is 416 PGRST103', async () => {
    const res = await fetch(`${t.backend.url}/rest/v1/projects?select=id&offset=10&limit=5`, { headers: { apikey: t.backend.anonKey, prefer: 'count=exact' } });
    expect(res.status).toBe(416);
    expect(((await res.json()) as { code: string }).code).toBe('PGRST103');
    const atEnd = await fetch(`${t.backend.url}/rest/v1/projects?select=id&offset=3`, { headers: { apikey: t.backend.anonKey, prefer: 'count=exact' } });
    expect(atEnd.status).toBeLessThan(300);
  });

  it('a body over the limit is 413', async () => {
    const body = JSON.stringify({ note: 'x'.repeat(21 * 1024 * 1024) });
    const res = await fetch(`${t.backend.url}/rest/v1/visits`, { method: 'POST', headers: { apikey: t.backend.anonKey, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
  });
});
