import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY, signJwt, verifyJwt } from '../../../supabase/local/index.ts';
import { startTestBackend, type TestBackend } from './test-backend.ts';

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
});

afterAll(async () => {
  await t?.stop();
});

describe('keys', () => {
  it('the demo keys are the Supabase CLI ones, signed with the demo secret', () => {
    const anon = verifyJwt(DEMO_ANON_KEY, DEMO_JWT_SECRET, 0);
    const service = verifyJwt(DEMO_SERVICE_ROLE_KEY, DEMO_JWT_SECRET, 0);
    expect(anon.ok && anon.claims).toMatchObject({ iss: 'supabase-demo', role: 'anon' });
    expect(service.ok && service.claims).toMatchObject({ iss: 'supabase-demo', role: 'service_role' });
    expect(signJwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, DEMO_JWT_SECRET)).toBe(DEMO_ANON_KEY);
    expect(verifyJwt(DEMO_ANON_KEY, 'another-secret-of-sufficient-length-123').ok).toBe(false);
  });
});

describe('auth', () => {
  it('health answers 200', async () => {
    const res = await fetch(`${t.backend.url}/auth/v1/health`, { headers: { apikey: t.backend.anonKey } });
    expect(res.status).toBe(200);
  });

  it('signs in with a password and issues the claims Supabase issues', async () => {
    const admin = t.client(t.backend.serviceRoleKey);
    const created = await admin.auth.admin.createUser({ email: 'Carol@Example.test', password: 'pw-carol-123', email_confirm: true, user_metadata: { city: 'Yichang' } });
    expect(created.error).toBeNull();
    const c = t.client();
    const { data, error } = await c.auth.signInWithPassword({ email: 'carol@example.test', password: 'pw-carol-123' });
    expect(error).toBeNull();
    const session = data.session;
    expect(session?.token_type).toBe('bearer');
    expect(session?.expires_in).toBe(3600);
    expect(session?.user.email).toBe('carol@example.test');
    const claims = verifyJwt(session?.access_token ?? '', DEMO_JWT_SECRET);
    expect(claims.ok).toBe(true);
    if (claims.ok) {
      expect(claims.claims).toMatchObject({
        sub: created.data.user?.id, role: 'authenticated', aud: 'authenticated', email: 'carol@example.test',
        user_metadata: { city: 'Yichang' }, app_metadata: { provider: 'email' },
      });
      expect(typeof claims.claims.session_id).toBe('string');
      expect(claims.claims.exp).toBe(session?.expires_at);
    }
    const user = await c.auth.getUser();
    expect(user.data.user?.id).toBe(created.data.user?.id);
  });

  it('wrong credentials give GoTrue\'s error code and status', async () => {
    const c = t.client();
    const wrong = await c.auth.signInWithPassword({ email: 'carol@example.test', password: 'nope' });
    expect(wrong.error?.status).toBe(400);
    expect(wrong.error?.code).toBe('invalid_credentials');
    expect(wrong.error?.message).toBe('Invalid login credentials');
    const unknown = await c.auth.signInWithPassword({ email: 'nobody@example.test', password: 'nope' });
    expect(unknown.error?.code).toBe('invalid_credentials');
  });

  it('an expired access token is refused by REST and replaced through the refresh token', async () => {
    const { client: c, userId } = await t.signedInUser('dave@example.test');
    const { data } = await c.auth.getSession();
    const session = data.session;
    if (!session) throw new Error('no session');
    // Only the clock is faked: a token whose exp lies in the past, signed like the real one.
    const claims = verifyJwt(session.access_token, DEMO_JWT_SECRET);
    if (!claims.ok) throw new Error('token did not verify');
    const expiredToken = signJwt({ ...claims.claims, exp: Math.floor(Date.now() / 1000) - 60, iat: Math.floor(Date.now() / 1000) - 3660 }, DEMO_JWT_SECRET);
    const rest = await fetch(`${t.backend.url}/rest/v1/notes`, { headers: { apikey: t.backend.anonKey, authorization: `Bearer ${expiredToken}` } });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });

    const set = await c.auth.setSession({ access_token: expiredToken, refresh_token: session.refresh_token });
    expect(set.error).toBeNull();
    expect(set.data.session?.access_token).not.toBe(expiredToken);
    expect(set.data.session?.refresh_token).not.toBe(session.refresh_token);
    const after = await c.rpc('whoami');
    expect(after.data).toMatchObject({ uid: userId, role: 'authenticated' });

    const explicit = await c.auth.refreshSession();
    expect(explicit.error).toBeNull();
    expect(explicit.data.session?.user.id).toBe(userId);
  });

  it('an unknown or long-used refresh token is refused', async () => {
    const c = t.client();
    const res = await c.auth.refreshSession({ refresh_token: 'not-a-token' });
    expect(res.error?.code).toBe('refresh_token_not_found');
    expect(res.error?.status).toBe(400);
  });

  it('logout ends the session: the refresh token and /user stop working', async () => {
    const { client: c } = await t.signedInUser('erin@example.test');
    const { data } = await c.auth.getSession();
    const token = data.session?.access_token ?? '';
    const refresh = data.session?.refresh_token ?? '';
    const out = await c.auth.signOut();
    expect(out.error).toBeNull();
    const user = await fetch(`${t.backend.url}/auth/v1/user`, { headers: { apikey: t.backend.anonKey, authorization: `Bearer ${token}` } });
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ code: 'session_not_found' });
    const again = await t.client().auth.refreshSession({ refresh_token: refresh });
    expect(again.error).not.toBeNull();
  });

  it('updateUser changes metadata and password', async () => {
    const { client: c } = await t.signedInUser('gina@example.test', 'gina-old-pw');
    const upd = await c.auth.updateUser({ data: { city: 'Ezhou' }, password: 'gina-new-pw' });
    expect(upd.error).toBeNull();
    expect(upd.data.user?.user_metadata).toMatchObject({ city: 'Ezhou' });
    const old = await t.client().auth.signInWithPassword({ email: 'gina@example.test', password: 'gina-old-pw' });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await t.client().auth.signInWithPassword({ email: 'gina@example.test', password: 'gina-new-pw' });
    expect(fresh.error).toBeNull();
  });

  it('signUp creates a confirmed user with a session', async () => {
    const c = t.client();
    const res = await c.auth.signUp({ email: 'frank@example.test', password: 'frank-pw-1', options: { data: { city: 'Jingzhou' } } });
    expect(res.error).toBeNull();
    expect(res.data.session?.user.user_metadata).toMatchObject({ city: 'Jingzhou' });
    const dup = await c.auth.signUp({ email: 'frank@example.test', password: 'frank-pw-1' });
    expect(dup.error?.code).toBe('user_already_exists');
  });

  it('admin lists and deletes users, and only with the service role', async () => {
    const admin = t.client(t.backend.serviceRoleKey);
    const created = await admin.auth.admin.createUser({ email: 'gone@example.test', password: 'gone-pw-1', email_confirm: true });
    const list = await admin.auth.admin.listUsers({ page: 1, perPage: 100 });
    expect(list.error).toBeNull();
    expect(list.data.users.map((u) => u.email)).toContain('gone@example.test');
    const one = await admin.auth.admin.getUserById(created.data.user?.id ?? '');
    expect(one.data.user?.email).toBe('gone@example.test');
    const del = await admin.auth.admin.deleteUser(created.data.user?.id ?? '');
    expect(del.error).toBeNull();
    const after = await admin.auth.admin.listUsers({ page: 1, perPage: 100 });
    expect(after.data.users.map((u) => u.email)).not.toContain('gone@example.test');
    const notAdmin = await t.client().auth.admin.listUsers();
    expect(notAdmin.error?.status).toBe(403);
    const dupe = await admin.auth.admin.createUser({ email: 'carol@example.test', password: 'x-123456' });
    expect(dupe.error?.code).toBe('email_exists');
  });
});
