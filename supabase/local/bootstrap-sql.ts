// What a Supabase project has before its first migration: the API roles, the auth schema and its
// helper functions, the extensions schema and the realtime publication. Migrations written for
// hosted Supabase assume all of this exists, so it must exist here too, with the same names.
// Bump BOOTSTRAP_VERSION whenever this text changes: it keys the cached snapshot.
export const BOOTSTRAP_VERSION = 'bootstrap-v5';

/**
 * The change-capture functions, re-applied on every open so a data folder created by an older
 * version captures changes the way this server reads them. Idempotent.
 */
export const REALTIME_CAPTURE_SQL = /* sql */ `
create schema if not exists realtime;

-- Each change NOTIFYs its keys (to re-read the row for the RLS check) and, when it fits, the row
-- as written: subscribers get the values that were committed, not the row as it is at delivery.
create or replace function realtime.capture_change() returns trigger
language plpgsql security definer set search_path = '' as $fn$
declare
  keys jsonb := '{}'::jsonb;
  old_keys jsonb := '{}'::jsonb;
  col text;
  base jsonb;
  payload text;
begin
  foreach col in array tg_argv loop
    if tg_op <> 'DELETE' then keys := keys || jsonb_build_object(col, to_jsonb(new) -> col); end if;
    if tg_op <> 'INSERT' then old_keys := old_keys || jsonb_build_object(col, to_jsonb(old) -> col); end if;
  end loop;
  base := jsonb_build_object(
    's', tg_table_schema, 't', tg_table_name, 'o', tg_op,
    'k', keys, 'ok', old_keys,
    'ts', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
  payload := case when tg_op <> 'DELETE' then (base || jsonb_build_object('r', to_jsonb(new)))::text else base::text end;
  if octet_length(payload) > 7900 then
    -- NOTIFY payloads stop at 8000 bytes: without the row, the server re-reads it at delivery.
    payload := base::text;
  end if;
  if octet_length(payload) > 7900 then
    -- Even the keys are too large: say which change was lost instead of failing the write.
    payload := jsonb_build_object('s', tg_table_schema, 't', tg_table_name, 'o', tg_op, 'err', 'payload too large')::text;
  end if;
  perform pg_notify('realtime_changes', payload);
  return null;
end
$fn$;

-- Any DDL (including GRANT, REVOKE and ALTER TABLE ... ROW LEVEL SECURITY) tells the server, in
-- commit order with the changes, to forget what it cached about tables and column privileges.
create or replace function realtime.on_ddl_notify() returns event_trigger
language plpgsql as $fn$
begin
  perform pg_notify('realtime_changes', '{"ddl":true}');
end
$fn$;
do $$ begin
  if not exists (select 1 from pg_event_trigger where evtname = 'realtime_ddl_notify') then
    create event trigger realtime_ddl_notify on ddl_command_end execute function realtime.on_ddl_notify();
  end if;
end $$;
`;

export const BOOTSTRAP_SQL = /* sql */ `
create schema if not exists extensions;
create extension if not exists postgis with schema extensions;
create extension if not exists pgcrypto with schema extensions;

-- The API roles. PostgREST logs in as "authenticator" and switches to the role named in the JWT;
-- here the single embedded connection switches the same way, per transaction.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then create role authenticator login noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_admin') then create role supabase_admin superuser createdb createrole replication bypassrls; end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then create role supabase_auth_admin noinherit createrole; end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then create role supabase_realtime_admin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'dashboard_user') then create role dashboard_user createrole createdb replication; end if;
end $$;
grant anon, authenticated, service_role to authenticator;

grant usage on schema public, extensions to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
grant all on all tables in schema extensions to anon, authenticated, service_role;

-- auth: the columns GoTrue keeps that policies and triggers commonly read.
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  recovery_token varchar(255),
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_key on auth.users (lower(email)) where email is not null;
create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) unique,
  user_id uuid references auth.users(id) on delete cascade,
  session_id uuid references auth.sessions(id) on delete cascade,
  revoked boolean default false,
  parent varchar(255),
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  provider text not null,
  provider_id text not null,
  identity_data jsonb not null,
  email text generated always as (lower(identity_data->>'email')) stored,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

-- Supabase's own definitions: the legacy per-claim setting first, then the claims object.
create or replace function auth.uid() returns uuid language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$fn$;
create or replace function auth.role() returns text language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$fn$;
create or replace function auth.email() returns text language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$fn$;
create or replace function auth.jwt() returns jsonb language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$fn$;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;

-- The migration history table the Supabase CLI keeps, so "supabase migration list" agrees.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);

-- Realtime: tables join the publication in migrations, exactly as on hosted Supabase. There is no
-- logical decoding in the embedded database, so every published table gets a row trigger that
-- NOTIFYs the changed row's keys; the server re-reads the row per subscriber under that
-- subscriber's role, which is also what makes RLS decide delivery.
do $$ begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $$;
create schema if not exists realtime;

${REALTIME_CAPTURE_SQL}
-- Keeps one capture trigger on each table of the publication, keyed by its primary key (or by
-- all columns when it has none, as REPLICA IDENTITY FULL would).
create or replace function realtime.sync_capture_triggers() returns void
language plpgsql security definer set search_path = '' as $fn$
declare
  r record;
  key_cols text;
begin
  for r in
    select c.oid, n.nspname, c.relname
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where t.tgname = 'zz_realtime_capture'
      and not exists (select 1 from pg_publication_tables p
                      where p.pubname = 'supabase_realtime' and p.schemaname = n.nspname and p.tablename = c.relname)
  loop
    execute format('drop trigger zz_realtime_capture on %I.%I', r.nspname, r.relname);
  end loop;
  for r in
    select c.oid, p.schemaname, p.tablename
    from pg_publication_tables p
    join pg_namespace n on n.nspname = p.schemaname
    join pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
    where p.pubname = 'supabase_realtime' and c.relkind = 'r'
      and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'zz_realtime_capture')
  loop
    select string_agg(quote_literal(a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum))
      into key_cols
      from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = r.oid and i.indisprimary;
    if key_cols is null then
      select string_agg(quote_literal(a.attname), ', ' order by a.attnum) into key_cols
        from pg_attribute a where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped;
    end if;
    execute format(
      'create trigger zz_realtime_capture after insert or update or delete on %I.%I for each row execute function realtime.capture_change(%s)',
      r.schemaname, r.tablename, key_cols);
  end loop;
end
$fn$;

create or replace function realtime.on_publication_change() returns event_trigger
language plpgsql as $fn$
begin
  perform realtime.sync_capture_triggers();
end
$fn$;
do $$ begin
  if not exists (select 1 from pg_event_trigger where evtname = 'realtime_publication_sync') then
    create event trigger realtime_publication_sync on ddl_command_end
      when tag in ('ALTER PUBLICATION', 'CREATE PUBLICATION', 'ALTER TABLE')
      execute function realtime.on_publication_change();
  end if;
end $$;

-- Which subscribers may see a changed row: for each subscriber's claims, become their role,
-- set their claims and look the row up by key, so RLS policies decide exactly as for a read.
-- One call checks every subscriber, which keeps fan-out to a single round trip. With p_safe, a
-- policy that raises counts as "not visible" for that subscriber alone; the caller retries that
-- way only when the fast pass fails, because the per-subscriber subtransaction costs time.
create or replace function realtime.visible_to(p_schema text, p_table text, p_where text, p_keys jsonb, p_claims jsonb, p_safe boolean default false)
returns boolean[] language plpgsql as $fn$
declare
  result boolean[] := '{}';
  c jsonb;
  seen boolean;
  q text := format('select exists (select 1 from %I.%I where %s)', p_schema, p_table, p_where);
begin
  for c in select value from jsonb_array_elements(p_claims) loop
    perform set_config('role', c->>'role', true);
    perform set_config('request.jwt.claims', c::text, true);
    perform set_config('request.jwt.claim.sub', coalesce(c->>'sub', ''), true);
    perform set_config('request.jwt.claim.role', coalesce(c->>'role', ''), true);
    perform set_config('request.jwt.claim.email', coalesce(c->>'email', ''), true);
    if p_safe then
      begin
        execute q into seen using p_keys;
      exception when others then
        seen := false;
      end;
    else
      execute q into seen using p_keys;
    end if;
    result := result || coalesce(seen, false);
  end loop;
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.jwt.claim.sub', '', true);
  perform set_config('request.jwt.claim.role', '', true);
  perform set_config('request.jwt.claim.email', '', true);
  return result;
end
$fn$;
revoke all on function realtime.visible_to(text, text, text, jsonb, jsonb, boolean) from public;
revoke all on function realtime.sync_capture_triggers() from public;

-- Supabase's table for private-channel authorization: RLS policies on it decide who may join a
-- private channel (SELECT) and send on it (INSERT), with realtime.topic() naming the channel.
create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now(),
  id uuid not null default gen_random_uuid(),
  primary key (id, inserted_at)
);
alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;
create or replace function realtime.topic() returns text language sql stable as $fn$
  select nullif(current_setting('realtime.topic', true), '')::text
$fn$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

-- Broadcast from the database, with Supabase's signature. Hosted Supabase stores the message in
-- realtime.messages; here it is a NOTIFY the server relays at commit to the topic's channels
-- of the same kind (private or public).
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void language plpgsql security definer set search_path = '' as $fn$
begin
  perform pg_notify('realtime_broadcast',
    jsonb_build_object('topic', topic, 'event', event, 'payload', payload, 'private', private)::text);
end
$fn$;
grant usage on schema realtime to anon, authenticated, service_role;
grant execute on function realtime.send(jsonb, text, text, boolean) to anon, authenticated, service_role;

alter database postgres set search_path = "$user", public, extensions;
`;

