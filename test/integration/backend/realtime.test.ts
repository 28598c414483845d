import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { collect, subscribed, type Change } from './realtime-helpers.ts';
import { startTestBackend, waitFor, type TestBackend } from './test-backend.ts';

let t: TestBackend;
let alice: { client: SupabaseClient; userId: string };
let bob: { client: SupabaseClient; userId: string };

beforeAll(async () => {
  t = await startTestBackend();
  alice = await t.signedInUser('alice.rt@example.test');
  bob = await t.signedInUser('bob.rt@example.test');
});

afterAll(async () => {
  await t?.stop();
});


describe('postgres_changes', () => {
  it('a change reaches only the subscribers RLS lets see the row', async () => {
    const a = collect(alice.client, 'rls-a', { event: '*', table: 'notes' });
    const b = collect(bob.client, 'rls-b', { event: '*', table: 'notes' });
    const anon = collect(t.client(), 'rls-anon', { event: '*', table: 'notes' });
    await Promise.all([a.ready, b.ready, anon.ready]);

    await alice.client.from('notes').insert({ title: 'alice only', score: 1 });
    // Bob's own insert commits later; delivery is in commit order, so once it arrives,
    // alice's change has been decided for bob too.
    await bob.client.from('notes').insert({ title: 'bob only', score: 1 });
    await waitFor(() => a.changes.length >= 1 && b.changes.length >= 1, 'both inserts');
    await t.backend.realtime.drain();

    expect(a.changes.map((c) => (c.new as { title: string }).title)).toEqual(['alice only']);
    expect(b.changes.map((c) => (c.new as { title: string }).title)).toEqual(['bob only']);
    expect(anon.changes).toEqual([]);
    const insert = a.changes[0] as Change;
    expect(insert).toMatchObject({ schema: 'public', table: 'notes', eventType: 'INSERT', errors: null });
    expect(insert.new).toMatchObject({ title: 'alice only', owner: alice.userId, score: 1, tags: [] });
    expect(typeof insert.commit_timestamp).toBe('string');
    await Promise.all([alice.client.removeChannel(a.channel), bob.client.removeChannel(b.channel)]);
  });

  it('UPDATE carries the new row; DELETE carries only the primary key', async () => {
    const a = collect(alice.client, 'shapes', { event: '*', table: 'notes' });
    await a.ready;
    const ins = await alice.client.from('notes').insert({ title: 'to change', score: 2, body: 'secret body' }).select('id').single();
    const id = ins.data?.id as number;
    await alice.client.from('notes').update({ score: 3 }).eq('id', id);
    await alice.client.from('notes').delete().eq('id', id);
    await waitFor(() => a.changes.length >= 3, 'insert, update and delete');
    expect(a.changes.map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    const update = a.changes[1] as Change;
    expect(update.new).toMatchObject({ id, score: 3, body: 'secret body' });
    expect(update.old).toEqual({ id });
    const del = a.changes[2] as Change;
    expect(del.old).toEqual({ id });
    expect(del.new).toEqual({});
    await alice.client.removeChannel(a.channel);
  });

  it('event and column filters select what is delivered', async () => {
    const gt = collect(alice.client, 'f-gt', { event: 'INSERT', table: 'notes', filter: 'score=gt.5' });
    const eq = collect(alice.client, 'f-eq', { event: 'INSERT', table: 'notes', filter: 'title=eq.exact match' });
    const inList = collect(alice.client, 'f-in', { event: 'INSERT', table: 'notes', filter: 'score=in.(1,9)' });
    const updatesOnly = collect(alice.client, 'f-upd', { event: 'UPDATE', table: 'notes' });
    const lte = collect(alice.client, 'f-lte', { event: 'INSERT', table: 'notes', filter: 'score=lte.1' });
    const neq = collect(alice.client, 'f-neq', { event: 'INSERT', table: 'notes', filter: 'title=neq.exact match' });
    await Promise.all([gt.ready, eq.ready, inList.ready, updatesOnly.ready, lte.ready, neq.ready]);
    await alice.client.from('notes').insert({ title: 'low', score: 1 });
    await alice.client.from('notes').insert({ title: 'exact match', score: 4 });
    await alice.client.from('notes').insert({ title: 'high', score: 9 });
    const sentinel = await alice.client.from('notes').update({ score: 10 }).eq('title', 'high').select('id');
    expect(sentinel.error).toBeNull();
    await waitFor(() => updatesOnly.changes.length >= 1, 'the update sentinel');
    await t.backend.realtime.drain();
    const titles = (c: Change[]) => c.map((x) => (x.new as { title: string }).title);
    expect(titles(gt.changes)).toEqual(['high']);
    expect(titles(eq.changes)).toEqual(['exact match']);
    expect(titles(inList.changes)).toEqual(['low', 'high']);
    expect(titles(lte.changes)).toEqual(['low']);
    expect(titles(neq.changes)).toEqual(['low', 'high']);
    expect(updatesOnly.changes.map((c) => c.eventType)).toEqual(['UPDATE']);
    for (const c of [gt, eq, inList, updatesOnly, lte, neq]) await alice.client.removeChannel(c.channel);
  });

  it('reconnects and resumes delivery after the server drops the socket', async () => {
    const a = collect(alice.client, 'reconnect', { event: 'INSERT', table: 'notes' });
    await a.ready;
    t.backend.realtime.dropAllConnections();
    await waitFor(() => a.statuses.filter((s) => s === 'SUBSCRIBED').length >= 2, 'the rejoin', 30_000);
    await alice.client.from('notes').insert({ title: 'after reconnect', score: 1 });
    await waitFor(() => a.changes.length >= 1, 'a change after reconnect');
    expect((a.changes[0]?.new as { title: string }).title).toBe('after reconnect');
    await alice.client.removeChannel(a.channel);
  });

  it('a refreshed access token changes who the channel acts as', async () => {
    const c = t.client();
    const sub = collect(c, 'token-change', { event: 'INSERT', table: 'notes' });
    await sub.ready;
    await c.auth.signInWithPassword({ email: 'bob.rt@example.test', password: 'correct horse battery' });
    // supabase-js pushes the new token to joined channels on SIGNED_IN. A later join on the same
    // socket is answered only after the server has read that push, so it marks the switch.
    await waitFor(() => c.realtime.accessTokenValue !== null, 'the client to adopt the token');
    const probe = c.channel('token-probe');
    await subscribed(probe);
    await bob.client.from('notes').insert({ title: 'seen after sign-in', score: 1 });
    await waitFor(() => sub.changes.length >= 1, 'delivery under the new token');
    expect((sub.changes[0]?.new as { title: string }).title).toBe('seen after sign-in');
    await c.removeAllChannels();
  });

  it('a channel whose token expires is closed by the server', async () => {
    const { DEMO_JWT_SECRET, signJwt } = await import('../../../supabase/local/index.ts');
    const now = Math.floor(Date.now() / 1000);
    // A token valid for five seconds: only the token's clock is shortened, nothing else is faked.
    // Five leaves room for the join on a loaded machine; the join is checked before expiry.
    const exp = now + 5;
    const shortLived = signJwt({ sub: bob.userId, role: 'authenticated', aud: 'authenticated', iat: now, exp }, DEMO_JWT_SECRET);
    const c = t.client();
    await c.realtime.setAuth(shortLived);
    const sub = collect(c, 'expiring', { event: 'INSERT', table: 'notes' });
    await sub.ready;
    expect(sub.statuses).toContain('SUBSCRIBED');
    await waitFor(() => sub.statuses.some((s) => s === 'CLOSED' || s === 'CHANNEL_ERROR'), 'the server to close the channel', 20_000);
    expect(Date.now() / 1000).toBeGreaterThanOrEqual(exp);
    // Closed: a change bob could see is no longer delivered on it.
    await bob.client.from('notes').insert({ title: 'after expiry', score: 1 });
    await t.backend.realtime.drain();
    expect(sub.changes.filter((ch) => (ch.new as { title: string }).title === 'after expiry')).toEqual([]);
    await c.removeAllChannels();
  });
});

describe('broadcast and presence', () => {
  it('broadcast reaches the others, and the sender only with self, with ack', async () => {
    const got: Record<string, unknown[]> = { a: [], b: [] };
    const a = alice.client.channel('room-b', { config: { broadcast: { self: true, ack: true } } })
      .on('broadcast', { event: 'ping' }, (m) => got.a?.push(m.payload));
    const b = bob.client.channel('room-b').on('broadcast', { event: 'ping' }, (m) => got.b?.push(m.payload));
    await Promise.all([subscribed(a), subscribed(b)]);
    const status = await a.send({ type: 'broadcast', event: 'ping', payload: { n: 1, text: '水位' } });
    expect(status).toBe('ok');
    await b.send({ type: 'broadcast', event: 'ping', payload: { n: 2 } });
    await waitFor(() => (got.a?.length ?? 0) >= 2 && (got.b?.length ?? 0) >= 1, 'broadcasts');
    expect(got.a).toEqual([{ n: 1, text: '水位' }, { n: 2 }]);
    expect(got.b).toEqual([{ n: 1, text: '水位' }]);
    await alice.client.removeChannel(a);
    await bob.client.removeChannel(b);
  });

  it('realtime.send broadcasts from the database at commit', async () => {
    const got: unknown[] = [];
    const ch = bob.client.channel('alerts-room').on('broadcast', { event: 'alert' }, (m) => got.push(m.payload));
    await subscribed(ch);
    await t.backend.db.exec(`
      begin;
      select realtime.send('{"level": "red", "city": "宜昌"}'::jsonb, 'alert', 'alerts-room', false);
      rollback;
      select realtime.send('{"level": "amber"}'::jsonb, 'alert', 'alerts-room', false);`);
    await waitFor(() => got.length >= 1, 'the committed broadcast');
    await t.backend.realtime.drain();
    expect(got).toEqual([{ level: 'amber' }]);
    await bob.client.removeChannel(ch);
  });

  it('private channels are authorized by RLS on realtime.messages', async () => {
    const joinStatus = (channel: RealtimeChannel): Promise<string> =>
      new Promise((resolve) => channel.subscribe((status) => {
        if (status !== 'CLOSED') resolve(status);
      }));
    const got: unknown[] = [];
    const publicGot: unknown[] = [];
    const a = alice.client.channel('shared-room', { config: { private: true, broadcast: { ack: true } } });
    const b = bob.client.channel('shared-room', { config: { private: true } }).on('broadcast', { event: 'note' }, (m) => got.push(m.payload));
    // A public channel of the same name, on another client (one socket joins a topic once).
    const outsider = t.client();
    const pub = outsider.channel('shared-room').on('broadcast', { event: 'note' }, (m) => publicGot.push(m.payload));
    expect(await joinStatus(a)).toBe('SUBSCRIBED');
    expect(await joinStatus(b)).toBe('SUBSCRIBED');
    await subscribed(pub);
    expect(await a.send({ type: 'broadcast', event: 'note', payload: { n: 1 } })).toBe('ok');
    await t.backend.db.exec(`select realtime.send('{"n": 2}'::jsonb, 'note', 'shared-room', true)`);
    await waitFor(() => got.length >= 2, 'private broadcasts');
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    // The public channel hears a public broadcast but neither private one before it.
    await t.backend.db.exec(`select realtime.send('{"n": 9}'::jsonb, 'note', 'shared-room', false)`);
    await waitFor(() => publicGot.length >= 1, 'the public broadcast');
    expect(publicGot).toEqual([{ n: 9 }]);

    const own = alice.client.channel(`room-${alice.userId}`, { config: { private: true, broadcast: { ack: true } } });
    expect(await joinStatus(own)).toBe('SUBSCRIBED');
    expect(await own.send({ type: 'broadcast', event: 'note', payload: { n: 3 } })).toBe('error');
    const intruder = bob.client.channel(`room-${alice.userId}`, { config: { private: true } });
    expect(await joinStatus(intruder)).toBe('CHANNEL_ERROR');
    const anon = t.client().channel('shared-room', { config: { private: true } });
    expect(await joinStatus(anon)).toBe('CHANNEL_ERROR');
    for (const ch of [a, own]) await alice.client.removeChannel(ch);
    for (const ch of [b, intruder]) await bob.client.removeChannel(ch);
    await outsider.removeChannel(pub);
  });

  it('presence reports join and leave to the others', async () => {
    const seen: { joins: string[]; leaves: string[] } = { joins: [], leaves: [] };
    const watcher = bob.client.channel('room-p', { config: { presence: { key: 'bob' } } })
      .on('presence', { event: 'join' }, ({ key }) => seen.joins.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => seen.leaves.push(key));
    await subscribed(watcher);
    const member = alice.client.channel('room-p', { config: { presence: { key: 'alice' } } });
    await subscribed(member);
    expect(await member.track({ city: 'Wuhan' })).toBe('ok');
    await waitFor(() => seen.joins.includes('alice'), 'alice joining');
    expect(watcher.presenceState().alice?.[0]).toMatchObject({ city: 'Wuhan' });
    await alice.client.removeChannel(member);
    await waitFor(() => seen.leaves.includes('alice'), 'alice leaving');
    expect(watcher.presenceState().alice).toBeUndefined();
    await bob.client.removeChannel(watcher);
  });
});

describe('protocol', () => {
  it('vsn 1.0.0 clients join, receive changes and JSON broadcasts', async () => {
    const { createClient } = await import('@supabase/supabase-js');
    const { default: WebSocket } = await import('ws');
    const v1 = createClient(t.backend.url, t.backend.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never, vsn: '1.0.0' } as never,
    });
    await v1.auth.signInWithPassword({ email: 'alice.rt@example.test', password: 'correct horse battery' });
    const received: unknown[] = [];
    const changes: Change[] = [];
    const ch = v1.channel('room-v1')
      .on('broadcast', { event: 'hello' }, (m) => received.push(m.payload))
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notes' }, (p: Change) => changes.push(p));
    await subscribed(ch);
    const other = bob.client.channel('room-v1');
    await subscribed(other);
    await other.send({ type: 'broadcast', event: 'hello', payload: { from: 'v2' } });
    await alice.client.from('notes').insert({ title: 'to v1', score: 1 });
    await waitFor(() => received.length >= 1 && changes.length >= 1, 'v1 deliveries');
    expect(received).toEqual([{ from: 'v2' }]);
    expect((changes[0]?.new as { title: string }).title).toBe('to v1');
    await v1.removeAllChannels();
    await bob.client.removeChannel(other);
  });

  it('answers vsn 1.0.0 heartbeats and rejects a join with a forged token', async () => {
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(`${t.backend.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${t.backend.anonKey}&vsn=1.0.0`);
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as unknown));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1', join_ref: null }));
    ws.send(JSON.stringify({ topic: 'realtime:x', event: 'phx_join', payload: { config: {}, access_token: 'forged.token.here' }, ref: '2', join_ref: '2' }));
    await waitFor(() => frames.length >= 2, 'two replies');
    expect(frames[0]).toEqual({ topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} }, ref: '1', join_ref: null });
    expect(frames[1]).toMatchObject({ topic: 'realtime:x', event: 'phx_reply', ref: '2', payload: { status: 'error' } });
    ws.close();
  });
});
