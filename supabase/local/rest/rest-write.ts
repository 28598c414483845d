import type { Transaction } from '@electric-sql/pglite';
import { runJsonAgg, respondRows } from './json-result.ts';
import { parseIdentifier } from './query-syntax.ts';
import { parseLevels } from './request-levels.ts';
import { RestError } from './rest-error.ts';
import type { Common, RestContext, RestRequest, RestResponse } from './rest-types.ts';
import type { Relation } from './schema-cache.ts';
import { emptyLevel, quoteIdent, qualified, QueryBuilder } from './sql-builder.ts';

// POST (insert and upsert), PATCH and DELETE. Each write runs as a data-modifying CTE so the
// answer (Prefer: return=representation) can embed related rows exactly like a read.

function bodyRows(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) {
    if (!body.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
      throw new RestError(400, 'PGRST102', 'All object keys must match');
    }
    return body as Record<string, unknown>[];
  }
  if (typeof body === 'object' && body !== null) return [body as Record<string, unknown>];
  throw new RestError(400, 'PGRST102', 'Empty or invalid json');
}

function payloadColumns(req: RestRequest, relation: Relation, rows: Record<string, unknown>[]): string[] {
  const explicit = req.query.get('columns');
  const names = explicit
    ? explicit.split(',').map((c) => parseIdentifier(c.replace(/^"|"$/g, ''), 'column'))
    : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const name of names) {
    if (!relation.columns.has(name)) {
      throw new RestError(400, 'PGRST204', `Could not find the '${name}' column of '${relation.name}' in the schema cache`);
    }
  }
  return names;
}

/** Runs a write wrapped as `with _m as (...) select <select list> from _m`, honouring Prefer return. */
async function finishWrite(
  ctx: RestContext, tx: Transaction, req: RestRequest, relation: Relation, common: Common,
  writeSql: (builder: QueryBuilder) => string | string[], successStatus: number,
): Promise<RestResponse> {
  const { items, levels } = parseLevels(req.query);
  const builder = new QueryBuilder(ctx.cache, levels);
  const written = writeSql(builder);
  const representation = common.prefs.returnMode === 'representation' || common.wantsObject;
  // Without a representation nothing is read back, so the write needs no SELECT privilege on
  // its columns (a table with column grants stays writable), as with PostgREST.
  const parts = (Array.isArray(written) ? written : [written]).map((p) => (representation ? p : p.replace(/ returning (?:\w+\.)?\*$/, ' returning 1')));
  // Several writes (one per shape of row) are separate data-modifying CTEs joined into _m.
  const cte = parts.length === 1
    ? `with _m as (${parts[0]}) `
    : `with ${parts.map((p, i) => `_w${i} as (${p})`).join(', ')}, _m as (${parts.map((_, i) => `select * from _w${i}`).join(' union all ')}) `;
  const alias = builder.nextAlias();
  const { list } = representation ? builder.selectList(alias, relation, items, '') : { list: '1' };
  const result = await runJsonAgg(tx, `select ${list} from _m as ${alias}`, builder.params.values, common.stripNulls, cte);
  if (common.prefs.maxAffected !== null && result.n > common.prefs.maxAffected) {
    // Thrown inside the request transaction, so the write is rolled back.
    throw new RestError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${result.n} rows`, null);
  }
  if (common.wantsObject && result.n !== 1) {
    // PostgREST rolls back a write whose result is not the single object asked for.
    throw new RestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', `The result contains ${result.n} rows`, null);
  }
  const headers: Record<string, string> = { 'content-range': `*/${common.prefs.count ? result.n : '*'}` };
  if (!representation) return { status: successStatus === 201 ? 201 : 204, headers, body: null };
  const res = respondRows(req, common, result, successStatus === 201 ? 201 : 200, common.prefs.count ? result.n : null, 0);
  res.headers['content-range'] = headers['content-range'] as string;
  return res;
}

export async function insert(ctx: RestContext, tx: Transaction, req: RestRequest, relation: Relation, common: Common): Promise<RestResponse> {
  const rows = bodyRows(req.body);
  const columns = payloadColumns(req, relation, rows);
  // With Prefer: missing=default a key left out takes the column default rather than null, so
  // rows are inserted in groups that share the same keys.
  const groups = common.prefs.missingDefault && rows.length > 1 ? groupByKeys(rows) : [{ rows, columns }];
  return finishWrite(ctx, tx, req, relation, common, (builder) => groups.map((g) => insertSql(builder, req, relation, common, g.rows, g.columns)), 201);
}

function groupByKeys(rows: Record<string, unknown>[]): { rows: Record<string, unknown>[]; columns: string[] }[] {
  const groups = new Map<string, { rows: Record<string, unknown>[]; columns: string[] }>();
  for (const row of rows) {
    const columns = Object.keys(row).sort();
    const key = JSON.stringify(columns);
    const group = groups.get(key) ?? { rows: [], columns };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function insertSql(builder: QueryBuilder, req: RestRequest, relation: Relation, common: Common, rows: Record<string, unknown>[], columns: string[]): string {
  const payload = builder.params.add(JSON.stringify(rows));
  const cols = columns.map(quoteIdent).join(', ');
  let sql = columns.length
    ? `insert into ${qualified(relation)} (${cols}) select ${cols} from json_populate_recordset(null::${qualified(relation)}, ${payload}::text::json)`
    : `insert into ${qualified(relation)} default values`;
  if (common.prefs.resolution) {
    const onConflict = req.query.get('on_conflict');
    const target = onConflict ? onConflict.split(',').map((c) => parseIdentifier(c, 'column')) : relation.primaryKey;
    if (target.length === 0) throw new RestError(400, 'PGRST100', 'on_conflict is required for a table without a primary key');
    const updates = columns.filter((c) => !target.includes(c)).map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`);
    sql += ` on conflict (${target.map(quoteIdent).join(', ')}) `;
    sql += common.prefs.resolution === 'ignore-duplicates' || updates.length === 0 ? 'do nothing' : `do update set ${updates.join(', ')}`;
  }
  return `${sql} returning *`;
}

export async function update(ctx: RestContext, tx: Transaction, req: RestRequest, relation: Relation, common: Common): Promise<RestResponse> {
  const rows = bodyRows(req.body);
  if (rows.length !== 1) throw new RestError(400, 'PGRST102', 'Update expects a single JSON object');
  const columns = payloadColumns(req, relation, rows);
  const { levels } = parseLevels(req.query);
  const top = levels.get('') ?? emptyLevel();
  if (columns.length === 0) return { status: 204, headers: {}, body: null };
  return finishWrite(ctx, tx, req, relation, common, (builder) => {
    const alias = builder.nextAlias();
    const payload = builder.params.add(JSON.stringify(rows[0]));
    const cols = columns.map(quoteIdent).join(', ');
    const where = top.where.map((c) => builder.condition(alias, c));
    return `update ${qualified(relation)} as ${alias} set (${cols}) = (select ${cols} from json_populate_record(null::${qualified(relation)}, ${payload}::text::json))`
      + `${where.length ? ` where ${where.join(' and ')}` : ''} returning ${alias}.*`;
  }, 200);
}

export async function remove(ctx: RestContext, tx: Transaction, req: RestRequest, relation: Relation, common: Common): Promise<RestResponse> {
  const { levels } = parseLevels(req.query);
  const top = levels.get('') ?? emptyLevel();
  return finishWrite(ctx, tx, req, relation, common, (builder) => {
    const alias = builder.nextAlias();
    const where = top.where.map((c) => builder.condition(alias, c));
    return `delete from ${qualified(relation)} as ${alias}${where.length ? ` where ${where.join(' and ')}` : ''} returning ${alias}.*`;
  }, 200);
}
