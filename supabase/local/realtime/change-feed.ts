import type { PGlite } from '@electric-sql/pglite';
import { quoteIdent } from '../rest/sql-builder.ts';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';
import { matchesFilter } from './change-filter.ts';
import type { ChannelMember } from './channel-member.ts';

// Turns the capture trigger's NOTIFYs into postgres_changes pushes. Notifications arrive in
// commit order and are handled one at a time, so every subscriber sees changes in that order.

interface Captured {
  s: string;
  t: string;
  o: 'INSERT' | 'UPDATE' | 'DELETE';
  k?: Record<string, unknown>;
  ok?: Record<string, unknown>;
  ts?: string;
  err?: string;
}

interface TableShape {
  oid: number;
  columns: { name: string; type: string; sqlType: string }[];
  /** Name of the table's generated RLS checker, once created. */
  checker: string | null;
}

export type Deliver = (member: ChannelMember, ids: number[], data: Record<string, unknown>) => void;
/** Same as Deliver with `data` already JSON text, so one row is serialised once for all subscribers. */
export type DeliverRaw = (member: ChannelMember, ids: number[], dataJson: string) => void;

export class ChangeFeed {
  private queue: Promise<void> = Promise.resolve();
  private readonly shapes = new Map<string, TableShape>();
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

  private async handle(raw: string): Promise<void> {
    const change = JSON.parse(raw) as Captured;
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
    const base = { schema: change.s, table: change.t, commit_timestamp: change.ts ?? new Date().toISOString(), type: change.o, columns };
    if (change.err) {
      for (const { member, ids } of interested) this.deliver(member, ids, { ...base, errors: [change.err] });
      return;
    }
    if (change.o === 'DELETE') {
      // As on Supabase: deletes are not RLS-checked and carry only the key columns.
      const old = change.ok ?? {};
      for (const { member, ids } of interested) {
        const matching = member.bindings.filter((b) => ids.includes(b.id) && (!b.filter || matchesFilter(b.filter, old))).map((b) => b.id);
        if (matching.length) this.deliver(member, matching, { ...base, old_record: old, errors: null });
      }
      return;
    }
    const keys = change.k ?? {};
    const where = Object.keys(keys)
      .map((k) => {
        const type = shape.columns.find((c) => c.name === k)?.sqlType ?? 'text';
        return `${quoteIdent(k)} = ($1::jsonb->>'${k.replace(/'/g, "''")}')::${type}`;
      })
      .join(' and ') || 'false';
    // Group subscribers by identity so a hundred tabs of one user cost one check.
    const identities = new Map<string, { role: string; claims: Record<string, unknown> }>();
    for (const { member } of interested) identities.set(JSON.stringify([member.role, member.claims]), { role: member.role, claims: { ...member.claims, role: member.role } });
    const identityList = [...identities.entries()];
    // One statement: read the row as the server, then check every subscriber identity. A single
    // statement is its own transaction, so the role and claim switches inside end with it.
    const keysJson = JSON.stringify(keys);
    const claimsJson = JSON.stringify(identityList.map(([, id]) => id.claims));
    const from = `from ${quoteIdent(change.s)}.${quoteIdent(change.t)} _r where ${where}`;
    const generic = (safe: boolean) =>
      this.db.query<{ row: string; v: boolean[] }>(
        `select to_json(_r)::text as row, realtime.visible_to($2, $3, $4, $1::jsonb, $5::text::jsonb, ${safe}) as v ${from}`,
        [keysJson, change.s, change.t, where, claimsJson], { serializers: TEXT_SERIALIZERS });
    const checker = await this.checkerFor(change.s, change.t, shape, Object.keys(keys), where);
    const fast = checker
      ? this.db.query<{ row: string; v: boolean[] }>(
        `select to_json(_r)::text as row, ${checker}($1::jsonb, $2::text::jsonb) as v ${from}`,
        [keysJson, claimsJson], { serializers: TEXT_SERIALIZERS })
      : generic(false);
    const res = await fast.catch(() => generic(true));
    const found = res.rows[0];
    if (!found) return;
    const allowed = new Set(identityList.filter((_, i) => found.v[i]).map(([key]) => key));
    let record: Record<string, unknown> | null = null;
    const head = `{"schema":${JSON.stringify(change.s)},"table":${JSON.stringify(change.t)},"commit_timestamp":${JSON.stringify(base.commit_timestamp)},"type":"${change.o}","columns":${JSON.stringify(columns)},"record":${found.row},`;
    const tail = change.o === 'UPDATE' ? `"old_record":${JSON.stringify(change.ok ?? {})},"errors":null}` : '"errors":null}';
    const dataJson = head + tail;
    for (const { member, ids } of interested) {
      if (!allowed.has(JSON.stringify([member.role, member.claims]))) continue;
      const matching = member.bindings.filter((b) => {
        if (!ids.includes(b.id)) return false;
        if (!b.filter) return true;
        record ??= JSON.parse(found.row) as Record<string, unknown>;
        return matchesFilter(b.filter, record);
      }).map((b) => b.id);
      if (matching.length) this.deliverRaw(member, matching, dataJson);
    }
  }

  /**
   * A per-table copy of realtime.visible_to with the lookup as static SQL, so PL/pgSQL plans it
   * once instead of once per subscriber: about five times faster for a hundred subscribers.
   */
  private async checkerFor(schema: string, table: string, shape: TableShape, keyNames: string[], where: string): Promise<string | null> {
    const signature = keyNames.join(',');
    if (shape.checker && shape.checker.endsWith(`/*${signature}*/`)) return shape.checker.split('/*')[0] ?? null;
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
            select exists (select 1 from ${quoteIdent(schema)}.${quoteIdent(table)} where ${body}) into seen;
            result := result || coalesce(seen, false);
          end loop;
          perform set_config('role', 'none', true);
          perform set_config('request.jwt.claims', '', true);
          return result;
        end $fn$;
        revoke all on function ${name}(jsonb, jsonb) from public;`);
    } catch {
      return null;
    }
    shape.checker = `${name}/*${signature}*/`;
    return name;
  }

  private async shape(schema: string, table: string): Promise<TableShape> {
    const key = `${schema}.${table}`;
    const cached = this.shapes.get(key);
    if (cached) return cached;
    const res = await this.db.query<{ oid: number; name: string; type: string; sql_type: string }>(
      `select a.attrelid::int as oid, a.attname as name, t.typname as type, format_type(a.atttypid, a.atttypmod) as sql_type
       from pg_attribute a join pg_type t on t.oid = a.atttypid
       where a.attrelid = format('%I.%I', $1::text, $2::text)::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      [schema, table]);
    const shape: TableShape = { oid: res.rows[0]?.oid ?? 0, columns: res.rows.map((r) => ({ name: r.name, type: r.type, sqlType: r.sql_type })), checker: null };
    this.shapes.set(key, shape);
    return shape;
  }
}
