import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type TestBackend } from './test-backend.ts';

let t: TestBackend;
let alice: { client: SupabaseClient; userId: string };
let bob: { client: SupabaseClient; userId: string };

beforeAll(async () => {
  t = await startTestBackend();
  alice = await t.signedInUser('alice@example.test');
  bob = await t.signedInUser('bob@example.test');
  const rows = [
    { title: 'river gauge', score: 5, tags: ['water', 'sensor'], meta: { level: 3, city: 'Wuhan' }, body: 'Rising fast' },
    { title: 'ash plume', score: 8, tags: ['air'], meta: { level: 5 }, body: null },
    { title: 'bridge crack', score: 2, tags: ['structure', 'water'], meta: {}, body: 'minor' },
    { title: 'Levee Seep', score: 5, tags: [], meta: { level: 1 }, body: 'watch' },
  ];
  const inserted = await alice.client.from('notes').insert(rows);
  if (inserted.error) throw new Error(inserted.error.message);
  const bobs = await bob.client.from('notes').insert({ title: 'bob private', score: 9 });
  if (bobs.error) throw new Error(bobs.error.message);
});

afterAll(async () => {
  await t?.stop();
});

describe('row level security decides, per user', () => {
  it('each user sees only their own notes', async () => {
    const a = await alice.client.from('notes').select('title, owner');
    const b = await bob.client.from('notes').select('title, owner');
    expect(a.error).toBeNull();
    expect(a.data?.map((r) => r.title).sort()).toEqual(['Levee Seep', 'ash plume', 'bridge crack', 'river gauge']);
    expect(a.data?.every((r) => r.owner === alice.userId)).toBe(true);
    expect(b.data?.map((r) => r.title)).toEqual(['bob private']);
  });

  it('anon sees nothing of notes but may read public tables', async () => {
    const anon = t.client();
    const notes = await anon.from('notes').select('*');
    expect(notes.error).toBeNull();
    expect(notes.data).toEqual([]);
    const projects = await anon.from('projects').select('name').order('id');
    expect(projects.data?.map((p) => p.name)).toEqual(['levee', 'bridge', 'empty']);
  });

  it('a user cannot update or delete another user\'s rows, and cannot insert as someone else', async () => {
    const upd = await bob.client.from('notes').update({ title: 'hacked' }).eq('title', 'ash plume').select();
    expect(upd.error).toBeNull();
    expect(upd.data).toEqual([]);
    const del = await bob.client.from('notes').delete().eq('title', 'ash plume').select();
    expect(del.data).toEqual([]);
    const still = await alice.client.from('notes').select('title').eq('title', 'ash plume');
    expect(still.data).toHaveLength(1);
    const forged = await bob.client.from('notes').insert({ title: 'forged', owner: alice.userId });
    expect(forged.error?.code).toBe('42501');
    expect(forged.status).toBe(403);
    const anonInsert = await t.client().from('notes').insert({ title: 'anon' });
    expect(anonInsert.status).toBe(401);
    expect(anonInsert.error?.code).toBe('42501');
  });

  it('the service role bypasses RLS', async () => {
    const all = await t.client(t.backend.serviceRoleKey).from('notes').select('title', { count: 'exact', head: true });
    expect(all.count).toBe(5);
  });

  it('the transaction runs as the JWT role with its claims', async () => {
    const me = await alice.client.rpc('whoami');
    expect(me.data).toMatchObject({ uid: alice.userId, role: 'authenticated', email: 'alice@example.test', current_role: 'authenticated' });
    const anon = await t.client().rpc('whoami');
    expect(anon.data).toMatchObject({ uid: null, role: 'anon', current_role: 'anon' });
  });
});

describe('filters', () => {
  const titles = async (build: (q: ReturnType<SupabaseClient['from']>) => PromiseLike<{ data: unknown; error: unknown }>) => {
    const res = (await build(alice.client.from('notes'))) as { data: { title: string }[] | null; error: unknown };
    expect(res.error).toBeNull();
    return (res.data ?? []).map((r) => r.title).sort();
  };

  it('eq, neq, gt, gte, lt, lte', async () => {
    expect(await titles((q) => q.select('title').eq('score', 5))).toEqual(['Levee Seep', 'river gauge']);
    expect(await titles((q) => q.select('title').neq('score', 5))).toEqual(['ash plume', 'bridge crack']);
    expect(await titles((q) => q.select('title').gt('score', 5))).toEqual(['ash plume']);
    expect(await titles((q) => q.select('title').gte('score', 5))).toEqual(['Levee Seep', 'ash plume', 'river gauge']);
    expect(await titles((q) => q.select('title').lt('score', 5))).toEqual(['bridge crack']);
    expect(await titles((q) => q.select('title').lte('score', 2))).toEqual(['bridge crack']);
  });

  it('in, is, like, ilike', async () => {
    expect(await titles((q) => q.select('title').in('score', [2, 8]))).toEqual(['ash plume', 'bridge crack']);
    expect(await titles((q) => q.select('title').in('title', ['ash plume', 'a,b "quoted"']))).toEqual(['ash plume']);
    expect(await titles((q) => q.select('title').in('score', []))).toEqual([]);
    expect(await titles((q) => q.select('title').is('body', null))).toEqual(['ash plume']);
    expect(await titles((q) => q.select('title').not('body', 'is', null))).toEqual(['Levee Seep', 'bridge crack', 'river gauge']);
    expect(await titles((q) => q.select('title').like('title', '%ge%'))).toEqual(['bridge crack', 'river gauge']);
    expect(await titles((q) => q.select('title').ilike('title', 'levee%'))).toEqual(['Levee Seep']);
    expect(await titles((q) => q.select('title').like('title', 'levee%'))).toEqual([]);
  });

  it('cs, cd, ov on arrays and jsonb', async () => {
    expect(await titles((q) => q.select('title').contains('tags', ['water']))).toEqual(['bridge crack', 'river gauge']);
    expect(await titles((q) => q.select('title').containedBy('tags', ['air', 'water']))).toEqual(['Levee Seep', 'ash plume']);
    expect(await titles((q) => q.select('title').overlaps('tags', ['air', 'structure']))).toEqual(['ash plume', 'bridge crack']);
    expect(await titles((q) => q.select('title').contains('meta', { city: 'Wuhan' }))).toEqual(['river gauge']);
  });

  it('json paths in filters and select', async () => {
    const res = await alice.client.from('notes').select('title, level:meta->level, city:meta->>city').eq('meta->>level', '5');
    expect(res.error).toBeNull();
    expect(res.data).toEqual([{ title: 'ash plume', level: 5, city: null }]);
  });

  it('not, or, and nested logic', async () => {
    expect(await titles((q) => q.select('title').not('score', 'eq', 5))).toEqual(['ash plume', 'bridge crack']);
    expect(await titles((q) => q.select('title').or('score.eq.8,title.eq.bridge crack'))).toEqual(['ash plume', 'bridge crack']);
    expect(await titles((q) => q.select('title').or('score.gt.7,and(score.eq.5,body.eq.watch)'))).toEqual(['Levee Seep', 'ash plume']);
    expect(await titles((q) => q.select('title').or('title.eq."ash plume",title.in.("bridge crack",x)'))).toEqual(['ash plume', 'bridge crack']);
  });

  it('not with in, full-text search, match and filters on an embedded resource\'s or', async () => {
    expect(await titles((q) => q.select('title').not('score', 'in', '(2,8)'))).toEqual(['Levee Seep', 'river gauge']);
    expect(await titles((q) => q.select('title').textSearch('body', 'rising', { config: 'english' }))).toEqual(['river gauge']);
    expect(await titles((q) => q.select('title').textSearch('title', 'plume ash', { type: 'plain' }))).toEqual(['ash plume']);
    expect(await titles((q) => q.select('title').textSearch('title', '"plume ash"', { type: 'phrase' }))).toEqual([]);
    expect(await titles((q) => q.select('title').textSearch('title', 'ash plume', { type: 'websearch' }))).toEqual(['ash plume']);
    expect(await titles((q) => q.select('title').match({ score: 5, body: 'watch' }))).toEqual(['Levee Seep']);
    expect(await titles((q) => q.select('title').filter('title', 'imatch', '^LEVEE'))).toEqual(['Levee Seep']);
    const embedded = await t.client().from('projects').select('name, tasks(title)').or('done.eq.true,priority.is.null', { referencedTable: 'tasks' }).order('id');
    expect(embedded.data?.map((p) => p.tasks.map((x: { title: string }) => x.title))).toEqual([['sandbags'], ['load test'], []]);
  });

  it('order, limit, offset and range', async () => {
    const ordered = await alice.client.from('notes').select('title, score').order('score', { ascending: false }).order('title');
    expect(ordered.data?.map((r) => r.title)).toEqual(['ash plume', 'Levee Seep', 'river gauge', 'bridge crack']);
    const page = await alice.client.from('notes').select('title').order('score').order('title').range(1, 2);
    expect(page.data?.map((r) => r.title)).toEqual(['Levee Seep', 'river gauge']);
    const limited = await alice.client.from('notes').select('title').order('title', { ascending: true }).limit(1);
    expect(limited.data).toEqual([{ title: 'Levee Seep' }]);
    const nulls = await alice.client.from('notes').select('title').order('body', { ascending: true, nullsFirst: true }).limit(1);
    expect(nulls.data).toEqual([{ title: 'ash plume' }]);
  });
});

describe('counts, single and maybeSingle', () => {
  it('count=exact with rows, and head for the count alone', async () => {
    const res = await alice.client.from('notes').select('title', { count: 'exact' }).gte('score', 5).limit(1);
    expect(res.count).toBe(3);
    expect(res.data).toHaveLength(1);
    const head = await alice.client.from('notes').select('*', { count: 'exact', head: true });
    expect(head.count).toBe(4);
    expect(head.data).toBeNull();
  });

  it('single returns one object or PGRST116', async () => {
    const one = await alice.client.from('notes').select('title, score').eq('title', 'ash plume').single();
    expect(one.data).toEqual({ title: 'ash plume', score: 8 });
    const many = await alice.client.from('notes').select('title').eq('score', 5).single();
    expect(many.error?.code).toBe('PGRST116');
    expect(many.status).toBe(406);
    const none = await alice.client.from('notes').select('title').eq('score', 100).single();
    expect(none.error?.code).toBe('PGRST116');
    expect(none.error?.details).toContain('0 rows');
  });

  it('maybeSingle returns null for no rows and errors for many', async () => {
    const none = await alice.client.from('notes').select('title').eq('score', 100).maybeSingle();
    expect(none.error).toBeNull();
    expect(none.data).toBeNull();
    const one = await alice.client.from('notes').select('title').eq('score', 8).maybeSingle();
    expect(one.data).toEqual({ title: 'ash plume' });
    const many = await alice.client.from('notes').select('title').eq('score', 5).maybeSingle();
    expect(many.error?.code).toBe('PGRST116');
  });
});

describe('embedding', () => {
  it('one-to-many and many-to-one, with renames', async () => {
    const anon = t.client();
    const projects = await anon.from('projects').select('name, items:tasks(title, done)').order('id');
    expect(projects.error).toBeNull();
    expect(projects.data?.[0]).toEqual({ name: 'levee', items: [{ title: 'inspect north levee', done: false }, { title: 'sandbags', done: true }] });
    expect(projects.data?.[2]).toEqual({ name: 'empty', items: [] });
    const tasks = await anon.from('tasks').select('title, project:projects(name)').eq('id', 3).single();
    expect(tasks.data).toEqual({ title: 'load test', project: { name: 'bridge' } });
  });

  it('embedded filters, order and !inner', async () => {
    const anon = t.client();
    const filtered = await anon.from('projects').select('name, tasks(title)').eq('tasks.done', true).order('id');
    expect(filtered.data?.map((p) => p.tasks.length)).toEqual([1, 0, 0]);
    const inner = await anon.from('projects').select('name, tasks!inner(title)').eq('tasks.done', false).order('id');
    expect(inner.data?.map((p) => p.name)).toEqual(['levee', 'bridge']);
    const ordered = await anon.from('projects').select('name, tasks(title)').eq('id', 1).order('title', { referencedTable: 'tasks', ascending: false }).single();
    expect(ordered.data?.tasks.map((x: { title: string }) => x.title)).toEqual(['sandbags', 'inspect north levee']);
  });

  it('many-to-many through a junction table, nested', async () => {
    const anon = t.client();
    const nested = await anon.from('projects').select('name, tasks(title, labels(name))').eq('id', 1).single();
    expect(nested.error).toBeNull();
    expect(nested.data).toEqual({
      name: 'levee',
      tasks: [
        { title: 'inspect north levee', labels: [{ name: 'urgent' }, { name: 'outdoor' }] },
        { title: 'sandbags', labels: [] },
      ],
    });
    const reverse = await anon.from('labels').select('name, tasks(title)').order('id');
    expect(reverse.data).toEqual([
      { name: 'urgent', tasks: [{ title: 'inspect north levee' }] },
      { name: 'outdoor', tasks: [{ title: 'inspect north levee' }, { title: 'load test' }] },
      { name: 'unused', tasks: [] },
    ]);
  });

  it('embedding respects RLS of the embedded table', async () => {
    const a = await alice.client.from('profiles').select('display_name, notes(title)').order('display_name');
    expect(a.data?.find((p) => p.display_name === 'bob')?.notes).toEqual([]);
    expect(a.data?.find((p) => p.display_name === 'alice')?.notes).toHaveLength(4);
  });

  it('spread lifts a to-one relation\'s columns into the row', async () => {
    const res = await t.client().from('tasks').select('title, ...projects(project_name:name)').eq('id', 3).single();
    expect(res.error).toBeNull();
    expect(res.data).toEqual({ title: 'load test', project_name: 'bridge' });
    const toMany = await t.client().from('projects').select('name, ...tasks(title)');
    expect(toMany.status).toBe(400);
  });

  it('an unknown relation is PGRST200', async () => {
    const res = await t.client().from('projects').select('name, nothing(*)');
    expect(res.error?.code).toBe('PGRST200');
    expect(res.status).toBe(400);
  });
});

describe('writes', () => {
  it('insert returns the representation; bulk insert; update; delete', async () => {
    const one = await alice.client.from('notes').insert({ title: 'temp one', score: 1 }).select('title, score, owner').single();
    expect(one.status).toBe(201);
    expect(one.data).toEqual({ title: 'temp one', score: 1, owner: alice.userId });
    const bulk = await alice.client.from('notes').insert([{ title: 'temp two', score: 1, tags: [], meta: {} }, { title: 'temp three', score: 1, tags: [], meta: {} }]).select('title');
    expect(bulk.data?.map((r) => r.title)).toEqual(['temp two', 'temp three']);
    const minimal = await alice.client.from('notes').insert({ title: 'temp four', score: 1 });
    expect(minimal.status).toBe(201);
    expect(minimal.data).toBeNull();
    const upd = await alice.client.from('notes').update({ score: 0 }).eq('score', 1).select('title');
    expect(upd.data).toHaveLength(4);
    const del = await alice.client.from('notes').delete().like('title', 'temp %').select('title');
    expect(del.data).toHaveLength(4);
    const gone = await alice.client.from('notes').select('id', { count: 'exact', head: true }).like('title', 'temp %');
    expect(gone.count).toBe(0);
  });

  it('bulk insert leaves missing keys null, or takes defaults with defaultToNull: false', async () => {
    const nulls = await alice.client.from('notes').insert([{ title: 'bulk a', score: 4 }, { title: 'bulk b' }]).select('title, score');
    expect(nulls.error?.code).toBe('23502');
    const defaults = await alice.client.from('notes').insert([{ title: 'bulk a', score: 4 }, { title: 'bulk b' }], { defaultToNull: false }).select('title, score, tags');
    expect(defaults.error).toBeNull();
    expect(defaults.data).toEqual([{ title: 'bulk a', score: 4, tags: [] }, { title: 'bulk b', score: 0, tags: [] }]);
    await alice.client.from('notes').delete().like('title', 'bulk %');
  });

  it('upsert merges on the primary key and on on_conflict, or ignores duplicates', async () => {
    const s = t.client(t.backend.serviceRoleKey);
    const first = await s.from('projects').upsert({ id: 10, name: 'dam' }).select().single();
    expect(first.data).toEqual({ id: 10, name: 'dam' });
    const merged = await s.from('projects').upsert({ id: 10, name: 'dam (renamed)' }).select().single();
    expect(merged.data).toEqual({ id: 10, name: 'dam (renamed)' });
    const byName = await s.from('projects').upsert({ id: 11, name: 'dam (renamed)' }, { onConflict: 'name', ignoreDuplicates: true }).select();
    expect(byName.error).toBeNull();
    expect(byName.data).toEqual([]);
    const rows = await s.from('projects').select('id, name').gte('id', 10);
    expect(rows.data).toEqual([{ id: 10, name: 'dam (renamed)' }]);
    await s.from('projects').delete().gte('id', 10);
  });

  it('a failed .single() write is rolled back', async () => {
    const res = await alice.client.from('notes').update({ body: 'changed' }).eq('score', 5).select().single();
    expect(res.error?.code).toBe('PGRST116');
    const after = await alice.client.from('notes').select('body').eq('score', 5).order('title');
    expect(after.data?.map((r) => r.body)).toEqual(['watch', 'Rising fast']);
  });

  it('maxAffected rolls back a write touching more rows', async () => {
    // The untyped client presents maxAffected as PostgREST 13+ only; the request it sends is the same.
    type Strict = { maxAffected(n: number): PromiseLike<{ error: { code: string } | null }> };
    const strict = (q: unknown): Strict => q as Strict;
    const res = await strict(alice.client.from('notes').update({ body: 'bulk edit' }).eq('score', 5)).maxAffected(1);
    expect(res.error?.code).toBe('PGRST124');
    const after = await alice.client.from('notes').select('body').eq('score', 5).order('title');
    expect(after.data?.map((r) => r.body)).toEqual(['watch', 'Rising fast']);
    const ok = await strict(alice.client.from('notes').update({ body: 'watch' }).eq('title', 'Levee Seep')).maxAffected(1);
    expect(ok.error).toBeNull();
  });

  it('PostGIS geometry is stored and read back', async () => {
    const ins = await alice.client.from('notes').insert({ title: 'geo', location: 'SRID=4326;POINT(114.3 30.6)' }).select('id').single();
    expect(ins.error).toBeNull();
    const read = await alice.client.from('notes').select('location').eq('id', ins.data?.id).single();
    expect(read.data?.location).toMatchObject({ type: 'Point', coordinates: [114.3, 30.6] });
    await alice.client.from('notes').delete().eq('id', ins.data?.id);
  });
});

describe('rpc', () => {
  it('POST with named arguments, scalar and set results, and GET', async () => {
    const sum = await t.client().rpc('add_numbers', { a: 2, b: 40 });
    expect(sum.data).toBe(42);
    const viaGet = await t.client().rpc('add_numbers', { a: 1, b: 2 }, { get: true });
    expect(viaGet.data).toBe(3);
    const set = await alice.client.rpc('my_notes', { min_score: 6 }).select('title');
    expect(set.data).toEqual([{ title: 'ash plume' }]);
    const filtered = await alice.client.rpc('my_notes').eq('score', 2).select('title');
    expect(filtered.data).toEqual([{ title: 'bridge crack' }]);
    const km = await t.client().rpc('distance_km', { lon1: 114.3, lat1: 30.6, lon2: 114.3, lat2: 31.6 });
    expect(km.data).toBeGreaterThan(110);
    expect(km.data).toBeLessThan(112);
  });

  it('set-returning functions of scalars and of tables', async () => {
    const names = await t.client().rpc('label_names');
    expect(names.data).toEqual(['urgent', 'outdoor', 'unused']);
    const summary = await t.client().rpc('task_summary', { task: 1 }).single();
    expect(summary.data).toEqual({ title: 'inspect north levee', label_count: 2 });
  });

  it('errors raised in functions and unknown functions', async () => {
    const raised = await t.client().rpc('fail_with', { message: 'no such incident' });
    expect(raised.status).toBe(400);
    expect(raised.error).toMatchObject({ code: 'P0001', message: 'no such incident', hint: 'raised on purpose' });
    const missing = await t.client().rpc('does_not_exist', { x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('PGRST202');
  });
});

describe('errors and hostile input', () => {
  it('unknown table and column', async () => {
    const table = await t.client().from('missing_table').select();
    expect(table.status).toBe(404);
    expect(table.error?.code).toBe('PGRST205');
    const column = await t.client().from('projects').select('nope');
    expect(column.status).toBe(400);
    expect(column.error?.code).toBe('42703');
    const insertColumn = await alice.client.from('notes').insert({ title: 'x', nope: 1 });
    expect(insertColumn.error?.code).toBe('PGRST204');
  });

  it('constraint violations map to PostgREST statuses', async () => {
    const s = t.client(t.backend.serviceRoleKey);
    const dup = await s.from('projects').insert({ id: 1, name: 'again' });
    expect(dup.status).toBe(409);
    expect(dup.error?.code).toBe('23505');
    const fk = await s.from('tasks').insert({ id: 99, project_id: 999, title: 'orphan' });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const check = await alice.client.from('notes').insert({ title: '   ' });
    expect(check.status).toBe(400);
    expect(check.error?.code).toBe('23514');
    const badValue = await t.client().from('projects').select().eq('id', 'not-a-number');
    expect(badValue.status).toBe(400);
    expect(badValue.error?.code).toBe('22P02');
  });

  it('GET is read-only even through a function that writes', async () => {
    const admin = t.client(t.backend.serviceRoleKey);
    const res = await admin.rpc('record_visit', { note: 'written by a GET' }, { get: true });
    expect(res.status).toBe(405);
    expect(res.error?.code).toBe('25006');
    const written = await admin.from('visits').select('id').eq('note', 'written by a GET');
    expect(written.data).toEqual([]);
    // The same call by POST does write, so the refusal above is the GET's doing.
    const post = await admin.rpc('record_visit', { note: 'written by a POST' });
    expect(post.error).toBeNull();
    expect((await admin.from('visits').select('id').eq('note', 'written by a POST')).data).toHaveLength(1);
  });

  it('malformed syntax is a 400, never a 500, and never injects', async () => {
    const base = `${t.backend.url}/rest/v1`;
    const headers = { apikey: t.backend.anonKey };
    const attempts = [
      'projects?select=name)',
      'projects?id=zz.1',
      'projects?order=name.sideways',
      'projects?or=(id.eq.1',
      'projects?limit=-1',
      'projects?select=name;drop table projects',
      'projects?id=eq.1;drop table projects',
      'projects?select=*&name=is.drop',
      `projects?select=${encodeURIComponent('"name"" from projects; drop table projects; --"')}`,
      'proj%E0%A4%Aects',
      'projects?select=name,tasks(title&tasks.order=title.up',
      // A cast is one type name: anything more is refused before any SQL is built.
      `projects?select=${encodeURIComponent('name::text from projects')}`,
      `projects?select=${encodeURIComponent('id::int4;drop table projects')}`,
      `projects?select=${encodeURIComponent('id::"int4"')}`,
    ];
    for (const path of attempts) {
      const res = await fetch(`${base}/${path}`, { headers });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      const body = (await res.json()) as { code?: string; message?: string };
      expect(typeof body.code, path).toBe('string');
      expect(typeof body.message, path).toBe('string');
    }
    const still = await t.client().from('projects').select('id', { count: 'exact', head: true });
    expect(still.count).toBe(3);
  });

  it('answers CORS preflights for what supabase-js sends from a browser', async () => {
    const res = await fetch(`${t.backend.url}/rest/v1/projects`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'apikey, authorization, prefer, x-client-info' },
    });
    expect(res.status).toBe(204);
    // The loopback origin is named, never '*': other origins are refused (hardening.test.ts).
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toContain('prefer');
  });

  it('a bad schema profile is PGRST106', async () => {
    const res = await fetch(`${t.backend.url}/rest/v1/projects`, { headers: { apikey: t.backend.anonKey, 'accept-profile': 'auth' } });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { code: string }).code).toBe('PGRST106');
  });

  it('a forged or garbage token is rejected with PGRST301', async () => {
    const forged = await fetch(`${t.backend.url}/rest/v1/projects`, {
      headers: { apikey: t.backend.anonKey, authorization: `Bearer ${t.backend.anonKey.slice(0, -3)}abc` },
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe('PGRST301');
  });
});
