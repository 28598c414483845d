import type { PGlite } from '@electric-sql/pglite';

// auth.users rows and GoTrue's JSON view of them.
export interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  phone: string | null;
  confirmed_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  banned_until: string | null;
  is_anonymous: boolean;
}

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string).toISOString());

export function userJson(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? '',
    confirmed_at: iso(user.confirmed_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    is_anonymous: user.is_anonymous,
  };
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, phone, confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, is_anonymous`;

export async function findUserByEmail(db: PGlite, email: string): Promise<UserRow | null> {
  const res = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where lower(email) = lower($1) and deleted_at is null`, [email]);
  return res.rows[0] ?? null;
}

export async function findUserById(db: PGlite, id: string): Promise<UserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const res = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`, [id]);
  return res.rows[0] ?? null;
}

export interface NewUser {
  id?: string;
  email: string;
  passwordHash: string | null;
  confirmed: boolean;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
}

export async function insertUser(db: PGlite, user: NewUser): Promise<UserRow> {
  // The user and its identity are one unit: neither exists without the other.
  return db.transaction(async (tx) => {
    const res = await tx.query<UserRow>(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values (coalesce($1::uuid, gen_random_uuid()), 'authenticated', 'authenticated', lower($2), $3,
               case when $4::boolean then now() end, $5::jsonb, $6::jsonb)
       returning ${USER_COLUMNS}`,
      [user.id ?? null, user.email, user.passwordHash, user.confirmed, { provider: 'email', providers: ['email'], ...user.appMetadata }, user.userMetadata],
    );
    const row = res.rows[0] as UserRow;
    await tx.query(
      `insert into auth.identities (user_id, provider, provider_id, identity_data) values ($1::uuid, 'email', $2::text, $3::jsonb)`,
      [row.id, row.id, { sub: row.id, email: row.email }],
    );
    return row;
  });
}

export async function updateUser(
  db: PGlite, id: string,
  changes: { email?: string; passwordHash?: string; userMetadata?: Record<string, unknown>; appMetadata?: Record<string, unknown>; confirm?: boolean },
): Promise<UserRow | null> {
  const res = await db.query<UserRow>(
    `update auth.users set
       email = coalesce(lower($2), email),
       encrypted_password = coalesce($3, encrypted_password),
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || coalesce($4::jsonb, '{}'::jsonb),
       raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || coalesce($5::jsonb, '{}'::jsonb),
       email_confirmed_at = case when $6::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
       updated_at = now()
     where id = $1 returning ${USER_COLUMNS}`,
    [id, changes.email ?? null, changes.passwordHash ?? null, changes.userMetadata ?? null, changes.appMetadata ?? null, changes.confirm ?? false],
  );
  return res.rows[0] ?? null;
}

export async function listUsers(db: PGlite, page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
  const res = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where deleted_at is null order by created_at, id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  );
  const count = await db.query<{ n: number }>('select count(*)::int as n from auth.users where deleted_at is null');
  return { users: res.rows, total: count.rows[0]?.n ?? 0 };
}

export async function deleteUser(db: PGlite, id: string): Promise<boolean> {
  const res = await db.query('delete from auth.users where id = $1', [id]);
  return (res.affectedRows ?? 0) > 0;
}
