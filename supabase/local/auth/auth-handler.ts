import bcrypt from 'bcryptjs';
import type { PGlite } from '@electric-sql/pglite';
import type { JwtClaims } from '../jwt.ts';
import { AuthError } from './auth-error.ts';
import {
  createSession, endSessions, findRefreshToken, issueTokens, revokeRefreshToken, sessionExists, type TokenSettings,
} from './session-tokens.ts';
import { deleteUser, findUserByEmail, findUserById, insertUser, listUsers, updateUser, userJson } from './user-store.ts';

export interface AuthRequest {
  method: string;
  path: string; // after /auth/v1
  query: URLSearchParams;
  body: unknown;
  /** Verified claims of the bearer token, or null when absent or invalid. */
  claims: JwtClaims | null;
  /**
   * Why the bearer token was refused, if it was. As GoTrue does, only routes that need a token
   * (the session's user, logout, admin) report it; sign-in, sign-up and health ignore it.
   */
  tokenError?: AuthError | null;
}

export interface AuthResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface AuthContext {
  db: PGlite;
  tokens: TokenSettings;
  bcryptCost: number;
}

// GoTrue lets a rotated refresh token be reused briefly, so two tabs refreshing at once both win.
const REUSE_INTERVAL_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function handleAuth(ctx: AuthContext, req: AuthRequest): Promise<AuthResponse> {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  if (route === 'GET /health') return { status: 200, body: { version: 'local', name: 'GoTrue', description: 'GoTrue-compatible local auth' } };
  if (route === 'GET /settings') {
    return { status: 200, body: { external: { email: true, phone: false }, disable_signup: false, mailer_autoconfirm: true, phone_autoconfirm: false, sms_provider: '' } };
  }
  if (route === 'POST /token') return token(ctx, req.query.get('grant_type'), body);
  if (route === 'POST /signup') return signup(ctx, body);
  if (route === 'GET /user' || route === 'PUT /user') return currentUser(ctx, req, body);
  if (route === 'POST /logout') {
    const claims = await requireSession(ctx, req);
    await endSessions(ctx.db, String(claims.sub), String(claims.session_id), req.query.get('scope') ?? 'global');
    return { status: 204, body: null };
  }
  if (req.path.startsWith('/admin/')) return admin(ctx, req, body);
  throw new AuthError(404, 'not_found', 'Not Found');
}

async function token(ctx: AuthContext, grant: string | null, body: Record<string, unknown>): Promise<AuthResponse> {
  if (grant === 'password') {
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!email || !password) throw new AuthError(400, 'validation_failed', 'missing email or phone');
    const user = await findUserByEmail(ctx.db, email);
    const ok = user?.encrypted_password ? await bcrypt.compare(password, user.encrypted_password) : false;
    if (!user || !ok) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
    if (user.banned_until && new Date(user.banned_until) > new Date()) throw new AuthError(400, 'user_banned', 'User is banned');
    return { status: 200, body: await createSession(ctx.db, user, ctx.tokens, 'password') };
  }
  if (grant === 'refresh_token') {
    const given = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    if (!given) throw new AuthError(400, 'validation_failed', 'refresh_token required');
    const row = await findRefreshToken(ctx.db, given);
    if (!row) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (row.revoked && Date.now() - new Date(row.updated_at).getTime() > REUSE_INTERVAL_MS) {
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    const user = await findUserById(ctx.db, row.user_id);
    if (!user) throw new AuthError(400, 'user_not_found', 'User not found');
    // Revoke and issue together: a failure in between must not leave the session without a token.
    const session = await ctx.db.transaction(async (tx) => {
      await revokeRefreshToken(tx, given);
      return issueTokens(tx, user, row.session_id, ctx.tokens, 'password', given);
    });
    return { status: 200, body: session };
  }
  throw new AuthError(400, 'unsupported_grant_type', 'unsupported_grant_type');
}

async function signup(ctx: AuthContext, body: Record<string, unknown>): Promise<AuthResponse> {
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  if (password.length < 6) throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.');
  if (await findUserByEmail(ctx.db, email)) throw new AuthError(422, 'user_already_exists', 'User already registered');
  const data = typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {};
  const user = await insertUser(ctx.db, { email, passwordHash: await bcrypt.hash(password, ctx.bcryptCost), confirmed: true, userMetadata: data, appMetadata: {} });
  // Local development autoconfirms, as `supabase start` does by default.
  return { status: 200, body: await createSession(ctx.db, user, ctx.tokens, 'password') };
}

async function requireSession(ctx: AuthContext, req: AuthRequest): Promise<JwtClaims> {
  if (req.tokenError) throw req.tokenError;
  const claims = req.claims;
  if (!claims || typeof claims.sub !== 'string') throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  if (typeof claims.session_id !== 'string' || !(await sessionExists(ctx.db, claims.session_id))) {
    throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return claims;
}

async function currentUser(ctx: AuthContext, req: AuthRequest, body: Record<string, unknown>): Promise<AuthResponse> {
  const claims = await requireSession(ctx, req);
  const id = String(claims.sub);
  if (req.method === 'PUT') {
    const changes: Parameters<typeof updateUser>[2] = {};
    if (typeof body.password === 'string') changes.passwordHash = await bcrypt.hash(body.password, ctx.bcryptCost);
    if (typeof body.email === 'string') changes.email = body.email;
    if (typeof body.data === 'object' && body.data !== null) changes.userMetadata = body.data as Record<string, unknown>;
    await updateUser(ctx.db, id, changes);
  }
  const user = await findUserById(ctx.db, id);
  if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  return { status: 200, body: userJson(user) };
}

async function admin(ctx: AuthContext, req: AuthRequest, body: Record<string, unknown>): Promise<AuthResponse> {
  if (req.tokenError) throw req.tokenError;
  if (req.claims?.role !== 'service_role' && req.claims?.role !== 'supabase_admin') {
    throw new AuthError(403, 'not_admin', 'User not allowed');
  }
  const parts = req.path.split('/').filter(Boolean); // ['admin', 'users', id?]
  if (parts[1] !== 'users') throw new AuthError(404, 'not_found', 'Not Found');
  const id = parts[2];
  if (!id && req.method === 'POST') {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    if (await findUserByEmail(ctx.db, email)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
    if (body.id !== undefined && (typeof body.id !== 'string' || !UUID.test(body.id))) {
      throw new AuthError(400, 'validation_failed', 'id must be a UUID');
    }
    const password = typeof body.password === 'string' ? body.password : null;
    const user = await insertUser(ctx.db, {
      id: typeof body.id === 'string' ? body.id : undefined,
      email,
      passwordHash: password ? await bcrypt.hash(password, ctx.bcryptCost) : null,
      confirmed: body.email_confirm === true,
      userMetadata: (body.user_metadata as Record<string, unknown> | undefined) ?? {},
      appMetadata: (body.app_metadata as Record<string, unknown> | undefined) ?? {},
    });
    return { status: 200, body: userJson(user) };
  }
  if (!id && req.method === 'GET') {
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
    const perPage = Math.min(1000, Math.max(1, Number(req.query.get('per_page') ?? 50) || 50));
    const { users, total } = await listUsers(ctx.db, page, perPage);
    const last = Math.max(1, Math.ceil(total / perPage));
    const links = [`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
    if (page < last) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    return { status: 200, body: { users: users.map(userJson), aud: 'authenticated' }, headers: { 'x-total-count': String(total), link: links.join(', ') } };
  }
  if (!id) throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
  const existing = await findUserById(ctx.db, id);
  if (!existing) throw new AuthError(404, 'user_not_found', 'User not found');
  if (req.method === 'GET') return { status: 200, body: userJson(existing) };
  if (req.method === 'PUT') {
    const user = await updateUser(ctx.db, id, {
      email: typeof body.email === 'string' ? body.email : undefined,
      passwordHash: typeof body.password === 'string' ? await bcrypt.hash(body.password, ctx.bcryptCost) : undefined,
      userMetadata: body.user_metadata as Record<string, unknown> | undefined,
      appMetadata: body.app_metadata as Record<string, unknown> | undefined,
      confirm: body.email_confirm === true,
    });
    return { status: 200, body: userJson(user ?? existing) };
  }
  if (req.method === 'DELETE') {
    await deleteUser(ctx.db, id);
    return { status: 200, body: {} };
  }
  throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
}
