import type { PGlite, Transaction } from '@electric-sql/pglite';

// Values are handed to PostgreSQL as text and parsed there by the type it infers, the way
// PostgREST sends untyped literals; PGlite's own serializers would JSON-encode strings for json
// parameters and split strings into characters for arrays.
export const TEXT_SERIALIZERS = new Proxy({} as Record<number, (value: unknown) => string>, {
  get: () => (value: unknown) => String(value),
});

export interface RequestIdentity {
  role: string;
  claims: Record<string, unknown>;
}

export interface RequestSettings extends RequestIdentity {
  method: string;
  path: string;
  headers: Record<string, string>;
  searchPath: string;
  readOnly: boolean;
}

/**
 * One transaction under the caller's role and claims, as PostgREST does it: everything is
 * transaction-local, so nothing leaks to the next request on the single shared connection.
 */
export async function runAsRequest<T>(db: PGlite, settings: RequestSettings, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(
      `select set_config('search_path', $1, true), set_config('request.jwt.claims', $2, true),
              set_config('request.method', $3, true), set_config('request.path', $4, true),
              set_config('request.headers', $5, true), set_config('role', $6, true),
              set_config('transaction_read_only', $7, true),
              set_config('request.jwt.claim.sub', $8, true), set_config('request.jwt.claim.role', $9, true),
              set_config('request.jwt.claim.email', $10, true)`,
      [settings.searchPath, JSON.stringify(settings.claims), settings.method, settings.path, JSON.stringify(settings.headers), settings.role, settings.readOnly ? 'on' : 'off',
        ...legacyClaimSettings(settings.claims, settings.role)],
      { serializers: TEXT_SERIALIZERS },
    );
    return work(tx);
  });
}

/**
 * auth.uid(), auth.role() and auth.email() read the legacy per-claim settings first, so they are
 * set (empty when absent) in every transaction: a session-level value left by a script must never
 * stand in for the caller's identity.
 */
export function legacyClaimSettings(claims: Record<string, unknown>, role: string): [string, string, string] {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return [text(claims.sub), role, text(claims.email)];
}

/** The roles a token may name: those the authenticator role is allowed to become. */
export async function loadSwitchableRoles(db: PGlite): Promise<Set<string>> {
  const res = await db.query<{ rolname: string }>(
    `select r.rolname from pg_roles r where pg_has_role('authenticator', r.oid, 'member') and r.rolname <> 'authenticator'`,
  );
  return new Set(res.rows.map((r) => r.rolname));
}
