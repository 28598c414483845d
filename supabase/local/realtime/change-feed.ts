import type { PGlite } from '@electric-sql/pglite';
import { quoteIdent } from '../rest/sql-builder.ts';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';
import { filterSql, type ChangeFilter } from './change-filter.ts';
import type { ChannelMember } from './channel-member.ts';

// Turns the capture trigger's NOTIFYs into postgres_changes pushes. Notifications arrive in
// commit order and are handled one at a time, so every subscriber sees changes in that order.

interface Captured {
  s: string;
  t: string;
  o: 'INSERT' | 'UPDATE' | 'DELETE';
  /** Keys of the new row (primary key, or every column for a table without one). */
  k?: Record<string, unknown>;
  /** The same keys of the old row. */
  ok?: Record<string, unknown>;
  /** The new row as written, when the notification had room for it. */
  r?: Record<string, unknown>;
  ts?: string;
  err?: string;
  /** DDL happened: cached table shapes and column privileges are stale. */
  ddl?: boolean;
}

interface Column {
  name: string;
  type: string;
  sqlType: string;
  pk: boolean;
}

interface TableShape {
  oid: number;
  rls: boolean;
  columns: Column[];
}

export type Deliver = (member: ChannelMember, ids: number[], data: Record<string, unknown>) => void;
/** Same as Deliver with `data` already JSON text, so one row is serialised once per column set. */
export type DeliverRaw = (member: ChannelMember, ids: number[], dataJson: string) => void;

export class ChangeFeed {
  private queue: Promise<void> = Promise.resolve();
  private readonly shapes = new Map<string, TableShape>();
  /** Per role and table: the columns that role may SELECT (column grants), as Supabase filters them. */
  private readonly selectable = new Map<string, Set<string>>();
  /**
   * Generated RLS checkers by table oid and key lookup. Kept across DDL: creating one is itself
   * DDL, and the lookup text (with the key columns' types) names exactly what it was built for.
   */
  private readonly checkers = new Map<string, string | null>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly members: () => Iterable<ChannelMember>,
    private readonly deliver: Deliver,
    private readonly deliverRaw: DeliverRaw,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen('realtime_changes', (payload) => {
      this.queue = this.queue.then(() => this.handle(payload)).catch((e: unknown) => console.error('realtime: a change could not be delivered:', e));
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.queue;
  }

  /** Resolves once every notification received so far has been delivered. */
  drain(): Promise<void> {
    return this.queue;
  }

  /** The type of a column, or null when the table or column does not exist (checked at join). */
  async columnType(schema: string, table: string, column: string): Promise<string | null> {
    const shape = await this.shape(schema, table).catch(() => null);
    return shape?.columns.find((c) => c.name === column)?.sqlType ?? null;
  }

  private async handle(raw: string): Promise<void> {
    const change = JSON.parse(raw) as Captured;
    if (change.ddl) {
      this.shapes.clear();
      this.selectable.clear();
      return;
    }
    const interested: { member: ChannelMember; ids: number[] }[] = [];
    for (const member of this.members()) {
      const ids = member.bindings
        .filter((b) => (b.event === '*' || b.event === change.o) && (b.schema === '*' || b.schema === change.s) && (!b.table || b.table === '*' || b.table === change.t))
        .map((b) => b.id);
      if (ids.length) interested.push({ member, ids });
    }
    if (interested.length === 0) return;
    const shape = await this.shape(change.s, change.t);
    const columns = shape.columns.map((c) => ({ name: c.name, type: c.type }));
    const commitTimestamp = change.ts ?? new Date().toISOString();
    const base = { schema: change.s, table: change.t, commit_timestamp: commitTimestamp, type: change.o, columns };
    if (change.err) {
      for (const { member, ids } of interested) this.deliver(member, ids, { ...base, errors: [change.err] });
      return;
    }
    // As on Supabase: with RLS on, old_record carries only the primary key ({} without one).
    const oldKeys = change.ok ?? {};
    const oldRecord = shape.rls ? pick(oldKeys, shape.columns.filter((c) => c.pk).map((c) => c.name)) : oldKeys;

    let rowJson: string | null = null;
    let allowedIdentities: Set<string>;
    const identityKey = (m: ChannelMember): string => JSON.stringify([m.role, m.claims]);
    if (change.o === 'DELETE') {
      // Deletes are not RLS-checked (the row is gone), as on Supabase: only the column grants apply.
      allowedIdentities = new Set(interested.map(({ member }) => identityKey(member)));
    } else if (!shape.rls) {
      // Without RLS, whoever may select columns of the table sees every row.
      allowedIdentities = new Set(interested.map(({ member }) => identityKey(member)));
      rowJson = change.r ? JSON.stringify(change.r) : await this.reread(change, shape);
      if (rowJson === null) return;
    } else {
      const checked = await this.checkRls(change, shape, interested.map(({ member }) => member));
      if (!checked) return;
      // The row as committed when the notification carried it; else the re-read row (too large
      // for a notification, so a later change may show through).
      rowJson = change.r ? JSON.stringify(change.r) : checked.row;
      allowedIdentities = checked.allowed;
    }

    // Filters are evaluated by PostgreSQL with the column's type (1.50 equals 1.5, UUIDs ignore
    // case), against the delivered record; a DELETE is filtered on the key columns it carries.
    const filterRow = change.o === 'DELETE' ? JSON.stringify(oldKeys) : (rowJson as string);
    const filters = await this.evaluateFilters(shape, filterRow, interested);

    let parsedRow: Record<string, unknown> | null = null;
    const bodies = new Map<string, string>();
    for (const { member, ids } of interested) {
      if (!allowedIdentities.has(identityKey(member))) continue;
      const matching = member.bindings.filter((b) => ids.includes(b.id) && (!b.filter || filters.get(filterKey(b.filter)) === true)).map((b) => b.id);
      if (!matching.length) continue;
      const visible = await this.selectableColumns(member.role, shape);
      if (visible.size === 0) continue;
      const all = visible.size === shape.columns.length;
      const cacheKey = all ? '*' : [...visible].join(',');
      let body = bodies.get(cacheKey);
      if (body === undefined) {
        const cols = all ? columns : columns.filter((c) => visible.has(c.name));
        const old = all ? oldRecord : pick(oldRecord, [...visible]);
        let record = '';
        if (rowJson !== null) {
          if (all) record = rowJson;
          else {
            parsedRow ??= JSON.parse(rowJson) as Record<string, unknown>;
            record = JSON.stringify(pick(parsedRow, [...visible]));
          }
        }
        const head = `{"schema":${JSON.stringify(change.s)},"table":${JSON.stringify(change.t)},"commit_timestamp":${JSON.stringify(commitTimestamp)},"type":"${change.o}","columns":${JSON.stringify(cols)},`;
        const middle = change.o === 'DELETE' ? '' : `"record":${record},`;
        const tail = change.o === 'INSERT' ? '"errors":null}' : `"old_record":${JSON.stringify(old)},"errors":null}`;
        body = head + middle + tail;
        bodies.set(cacheKey, body);
      }
      this.deliverRaw(member, matching, body);
    }
  }

  private async reread(change: Captured, shape: TableShape): Promise<string | null> {
    const res = await this.db.query<{ row: string }>(
      `select to_jsonb(_r)::text as row from ${quoteIdent(change.s)}.${quoteIdent(change.t)} _r where ${whereForKeys(change.k ?? {}, shape)}`,
      [JSON.stringify(change.k ?? {})], { serializers: TEXT_SERIALIZERS });
    return res.rows[0]?.row ?? null;
  }

  /**
   * One statement: read the row as the server, then check every subscribing identity (role and
   * claims set, row looked up by key) so RLS decides. A single statement is its own transaction,
   * so the role and claim switches inside end with it.
   */
  private async checkRls(change: Captured, shape: TableShape, members: ChannelMember[]): Promise<{ row: string; allowed: Set<string> } | null> {
    const keys = change.k ?? {};
    const where = whereForKeys(keys, shape);
    // Group subscribers by identity so a hundred tabs of one user cost one check.
    const identities = new Map<string, Record<string, unknown>>();
    for (const m of members) identities.set(JSON.stringify([m.role, m.claims]), { ...m.claims, role: m.role });
    const identityList = [...identities.entries()];
    const keysJson = JSON.stringify(keys);
    const claimsJson = JSON.stringify(identityList.map(([, claims]) => claims));
    const from = `from ${quoteIdent(change.s)}.${quoteIdent(change.t)} _r where ${where}`;
    const generic = (safe: boolean) =>
      this.db.query<{ row: string; v: boolean[] }>(
        `select to_jsonb(_r)::text as row, realtime.visible_to($2, $3, $4, $1::jsonb, $5::text::jsonb, ${safe}) as v ${from}`,
        [keysJson, change.s, change.t, where, claimsJson], { serializers: TEXT_SERIALIZERS });
    const checker = await this.checkerFor(change.s, change.t, shape, where);
    const fast = checker
      ? this.db.query<{ row: string; v: boolean[] }>(
        `select to_jsonb(_r)::text as row, ${checker}($1::jsonb, $2::text::jsonb) as v ${from}`,
        [keysJson, claimsJson], { serializers: TEXT_SERIALIZERS })
      : generic(false);
    const res = await fast.catch(() => generic(true));
    const found = res.rows[0];
    if (!found) return null;
    return { row: found.row, allowed: new Set(identityList.filter((_, i) => found.v[i]).map(([key]) => key)) };
  }

  private async evaluateFilters(shape: TableShape, rowJson: string, interested: { member: ChannelMember; ids: number[] }[]): Promise<Map<string, boolean>> {
    const distinct = new Map<string, ChangeFilter>();
    for (const { member, ids } of interested) {
      for (const b of member.bindings) if (b.filter && ids.includes(b.id)) distinct.set(filterKey(b.filter), b.filter);
    }
    const out = new Map<string, boolean>();
    if (distinct.size === 0) return out;
    const params: string[] = [rowJson];
    const exprs: string[] = [];
    for (const filter of distinct.values()) {
      const column = shape.columns.find((c) => c.name === filter.column);
      if (!column) {
        exprs.push('false');
        continue;
      }
      params.push(filter.op === 'in' ? JSON.stringify(filter.values) : (filter.values[0] ?? ''));
      exprs.push(filterSql(filter, column.sqlType, '$1::text::jsonb', `$${params.length}`));
    }
    const keys = [...distinct.keys()];
    try {
      const res = await this.db.query<{ f: boolean[] }>(`select array[${exprs.join(', ')}]::boolean[] as f`, params, { serializers: TEXT_SERIALIZERS });
      const f = res.rows[0]?.f ?? [];
      keys.forEach((k, i) => out.set(k, f[i] === true));
    } catch (error) {
      // A value that cannot be compared (checked at join, so rare) matches nothing.
      console.error('realtime: a filter could not be evaluated:', (error as Error).message);
      keys.forEach((k) => out.set(k, false));
    }
    return out;
  }

  private async selectableColumns(role: string, shape: TableShape): Promise<Set<string>> {
    const key = `${role}\u0000${shape.oid}`;
    const cached = this.selectable.get(key);
    if (cached) return cached;
    const res = await this.db.query<{ name: string }>(
      `select a.attname as name from pg_attribute a
       where a.attrelid = $1::oid and a.attnum > 0 and not a.attisdropped
         and has_column_privilege($2::text, a.attrelid, a.attnum, 'SELECT') order by a.attnum`,
      [shape.oid, role], { serializers: TEXT_SERIALIZERS }).catch(() => ({ rows: [] as { name: string }[] }));
    const set = new Set(res.rows.map((r) => r.name));
    this.selectable.set(key, set);
    return set;
  }

  /**
   * A per-table copy of realtime.visible_to with the lookup as static SQL, so PL/pgSQL plans it
   * once instead of once per subscriber: about five times faster for a hundred subscribers.
   */
  private async checkerFor(schema: string, table: string, shape: TableShape, where: string): Promise<string | null> {
    const cacheKey = `${shape.oid}|${where}`;
    const known = this.checkers.get(cacheKey);
    if (known !== undefined) return known;
    const name = `realtime.rls_check_${shape.oid}`;
    const body = where.replaceAll('$1::jsonb', 'p_keys');
    try {
      await this.db.exec(`
        create or replace function ${name}(p_keys jsonb, p_claims jsonb) returns boolean[] language plpgsql as $fn$
        declare result boolean[] := '{}'; c jsonb; seen boolean;
        begin
          for c in select value from jsonb_array_elements(p_claims) loop
            perform set_config('role', c->>'role', true);
            perform set_config('request.jwt.claims', c::text, true);
            perform set_config('request.jwt.claim.sub', coalesce(c->>'sub', ''), true);
            perform set_config('request.jwt.claim.role', coalesce(c->>'role', ''), true);
            perform set_config('request.jwt.claim.email', coalesce(c->>'email', ''), true);
            select exists (select 1 from ${quoteIdent(schema)}.${quoteIdent(table)} where ${body}) into seen;
            result := result || coalesce(seen, false);
          end loop;
          perform set_config('role', 'none', true);
          perform set_config('request.jwt.claims', '', true);
          perform set_config('request.jwt.claim.sub', '', true);
          perform set_config('request.jwt.claim.role', '', true);
          perform set_config('request.jwt.claim.email', '', true);
          return result;
        end $fn$;
        revoke all on function ${name}(jsonb, jsonb) from public;`);
    } catch {
      this.checkers.set(cacheKey, null);
      return null;
    }
    this.checkers.set(cacheKey, name);
    return name;
  }

  private async shape(schema: string, table: string): Promise<TableShape> {
    const key = `${schema}.${table}`;
    const cached = this.shapes.get(key);
    if (cached) return cached;
    const res = await this.db.query<{ oid: number; rls: boolean; name: string; type: string; sql_type: string; pk: boolean }>(
      `select a.attrelid::int as oid, c.relrowsecurity as rls, a.attname as name, t.typname as type,
              format_type(a.atttypid, a.atttypmod) as sql_type,
              exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any(i.indkey)) as pk
       from pg_attribute a join pg_type t on t.oid = a.atttypid join pg_class c on c.oid = a.attrelid
       where a.attrelid = format('%I.%I', $1::text, $2::text)::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      [schema, table]);
    const shape: TableShape = {
      oid: res.rows[0]?.oid ?? 0,
      rls: res.rows[0]?.rls ?? true,
      columns: res.rows.map((r) => ({ name: r.name, type: r.type, sqlType: r.sql_type, pk: r.pk })),
    };
    this.shapes.set(key, shape);
    return shape;
  }
}

function whereForKeys(keys: Record<string, unknown>, shape: TableShape): string {
  return Object.keys(keys)
    .map((k) => {
      const type = shape.columns.find((c) => c.name === k)?.sqlType ?? 'text';
      return `${quoteIdent(k)} = ($1::jsonb->>'${k.replace(/'/g, "''")}')::${type}`;
    })
    .join(' and ') || 'false';
}

function pick(record: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (Object.prototype.hasOwnProperty.call(record, n)) out[n] = record[n];
  return out;
}

function filterKey(filter: ChangeFilter): string {
  return JSON.stringify([filter.column, filter.op, filter.values]);
}
