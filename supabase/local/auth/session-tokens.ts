import { randomBytes } from 'node:crypto';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { signJwt } from '../jwt.ts';
import { userJson, type UserRow } from './user-store.ts';

export interface TokenSettings {
  jwtSecret: string;
  jwtExpirySeconds: number;
  issuer: string;
}

// A session row per sign-in; refresh tokens rotate inside it, and logout deletes it, which
// is what makes a still-unexpired access token stop working at /user (GoTrue does the same).
export async function createSession(db: PGlite | Transaction, user: UserRow, settings: TokenSettings, method: string): Promise<Record<string, unknown>> {
  const session = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [user.id]);
  const sessionId = (session.rows[0] as { id: string }).id;
  await db.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]);
  return issueTokens(db, { ...user, last_sign_in_at: new Date().toISOString() }, sessionId, settings, method, null);
}

export async function issueTokens(
  db: PGlite | Transaction, user: UserRow, sessionId: string, settings: TokenSettings, method: string, parent: string | null,
): Promise<Record<string, unknown>> {
  const refreshToken = randomBytes(18).toString('base64url');
  await db.query('insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)', [refreshToken, user.id, sessionId, parent]);
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + settings.jwtExpirySeconds;
  const claims = {
    iss: settings.issuer,
    sub: user.id,
    aud: user.aud,
    exp: expiresAt,
    iat: now,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role,
    aal: 'aal1',
    amr: [{ method, timestamp: now }],
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return {
    access_token: signJwt(claims, settings.jwtSecret),
    token_type: 'bearer',
    expires_in: settings.jwtExpirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

export interface RefreshTokenRow {
  token: string;
  user_id: string;
  session_id: string;
  revoked: boolean;
  updated_at: string;
}

export async function findRefreshToken(db: PGlite, token: string): Promise<RefreshTokenRow | null> {
  const res = await db.query<RefreshTokenRow>(
    `select r.token, r.user_id, r.session_id, r.revoked, r.updated_at from auth.refresh_tokens r
     join auth.sessions s on s.id = r.session_id where r.token = $1`,
    [token],
  );
  return res.rows[0] ?? null;
}

export async function revokeRefreshToken(db: PGlite | Transaction, token: string): Promise<void> {
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1', [token]);
}

export async function sessionExists(db: PGlite, sessionId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const res = await db.query('select 1 from auth.sessions where id = $1', [sessionId]);
  return res.rows.length > 0;
}

export async function endSessions(db: PGlite, userId: string, sessionId: string, scope: string): Promise<void> {
  if (scope === 'local') await db.query('delete from auth.sessions where id = $1', [sessionId]);
  else if (scope === 'others') await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  else await db.query('delete from auth.sessions where user_id = $1', [userId]);
}
