import { verifyJwt, type JwtClaims } from './jwt.ts';

export type TokenIdentity =
  | { ok: true; role: string; claims: JwtClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' | 'role'; role?: string };

/** Who a token speaks for: its verified claims and a role the authenticator may switch to. */
export function tokenIdentity(token: unknown, secret: string, switchableRoles: Set<string>): TokenIdentity {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const check = verifyJwt(token, secret);
  if (!check.ok) return { ok: false, reason: check.reason };
  const role = typeof check.claims.role === 'string' ? check.claims.role : 'anon';
  if (!switchableRoles.has(role)) return { ok: false, reason: 'role', role };
  return { ok: true, role, claims: check.claims };
}
