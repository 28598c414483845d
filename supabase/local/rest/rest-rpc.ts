import type { Transaction } from '@electric-sql/pglite';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';
import { runJsonAgg, respondRows } from './json-result.ts';
import { parseLevels } from './request-levels.ts';
import { RestError } from './rest-error.ts';
import { JSON_TYPE, RESERVED, type Common, type RestContext, type RestRequest, type RestResponse } from './rest-types.ts';
import type { RpcFunction } from './schema-cache.ts';
import { emptyLevel, quoteIdent, qualified, QueryBuilder } from './sql-builder.ts';

// POST and GET /rpc/<fn>: named arguments matched against the function's signature, results
// shaped as PostgREST shapes them (scalar, object, array, or 204 for void).

export async function callFunction(ctx: RestContext, tx: Transaction, req: RestRequest, candidates: RpcFunction[], common: Common): Promise<RestResponse> {
  const name = candidates[0]?.name ?? req.path.split('/').pop() ?? '';
  let args: Record<string, unknown>;
  if (common.readOnly) {
    args = {};
    for (const [key, value] of req.query) {
      if (!RESERVED.has(key) && candidates.some((f) => f.args.some((a) => a.name === key))) args[key] = value;
    }
  } else {
    const body = req.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    args = body as Record<string, unknown>;
  }
  const keys = Object.keys(args);
  const fn = candidates.find((f) =>
    keys.every((k) => f.args.some((a) => a.name === k)) && f.args.every((a) => a.hasDefault || keys.includes(a.name)))
    ?? candidates.find((f) => f.args.length === 1 && f.args[0]?.name === '' && /^jsonb?$/.test(f.args[0].type));
  if (!fn) {
    const schema = common.schema;
    throw new RestError(404, 'PGRST202', `Could not find the function ${schema}.${name}(${keys.sort().join(', ')}) in the schema cache`,
      `Searched for the function ${schema}.${name} with parameters ${keys.sort().join(', ') || 'without parameters'}, but no matches were found in the schema cache.`, null);
  }
  const argKeys = new Set(keys);
  const { items, levels } = parseLevels(req.query, common.readOnly ? argKeys : new Set());
  const top = levels.get('') ?? emptyLevel();
  const builder = new QueryBuilder(ctx.cache, levels);
  let call: string;
  let from = '';
  if (fn.args.length === 1 && fn.args[0]?.name === '') {
    call = `${qualified(fn)}(${builder.params.add(JSON.stringify(args))}::text::${fn.args[0].type})`;
  } else if (keys.length) {
    const used = fn.args.filter((a) => argKeys.has(a.name));
    call = `${qualified(fn)}(${used.map((a) => `${quoteIdent(a.name)} => _args.${quoteIdent(a.name)}`).join(', ')})`;
    if (common.readOnly) {
      // GET arguments arrive as text; let PostgreSQL parse each by the argument's type.
      from = ` from (select ${used.map((a) => `${builder.params.add(String(args[a.name]))}::text::${a.type} as ${quoteIdent(a.name)}`).join(', ')}) as _args`;
    } else {
      // As PostgREST does: json_to_record turns JSON arrays and objects into the argument types.
      const record = builder.params.add(JSON.stringify(args));
      from = ` from json_to_record(${record}::text::json) as _args(${used.map((a) => `${quoteIdent(a.name)} ${a.type}`).join(', ')})`;
    }
  } else {
    call = `${qualified(fn)}()`;
  }
  if (fn.returnsVoid) {
    await tx.query(`select ${call}${from}`, builder.params.values, { serializers: TEXT_SERIALIZERS });
    return { status: 204, headers: {}, body: null };
  }
  if (fn.returnsSet && !fn.returnsComposite) {
    // setof <scalar>: PostgREST answers a bare JSON array of the values.
    const source = from ? `${from}, lateral ${call} as _v` : ` from ${call} as _v`;
    const res = await tx.query<{ body: string; n: number }>(
      `select coalesce(json_agg(_v), '[]'::json)::text as body, count(*)::int as n${source}`, builder.params.values, { serializers: TEXT_SERIALIZERS });
    return respondRows(req, common, { body: res.rows[0]?.body ?? '[]', n: res.rows[0]?.n ?? 0 }, 200, common.prefs.count ? (res.rows[0]?.n ?? 0) : null, 0);
  }
  if (fn.returnsSet || fn.returnsComposite) {
    const alias = builder.nextAlias();
    const { list } = builder.selectList(alias, null, items, '');
    const where = top.where.map((c) => builder.condition(alias, c));
    const source = from ? `${from}, lateral ${call} as ${alias}` : ` from ${call} as ${alias}`;
    const inner = `select ${list}${source}${where.length ? ` where ${where.join(' and ')}` : ''}${builder.orderSql(alias, top.order)}${builder.pagingSql(top)}`;
    const result = await runJsonAgg(tx, inner, builder.params.values, common.stripNulls);
    if (!fn.returnsSet && !common.wantsObject) {
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: result.n === 0 ? 'null' : result.body.trim().slice(1, -1) };
    }
    return respondRows(req, common, result, 200, common.prefs.count ? result.n : null, top.offset ?? 0);
  }
  const res = await tx.query<{ body: string | null }>(`select to_json(${call})::text as body${from}`, builder.params.values, { serializers: TEXT_SERIALIZERS });
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: res.rows[0]?.body ?? 'null' };
}
