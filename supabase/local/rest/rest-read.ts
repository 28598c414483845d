import type { Transaction } from '@electric-sql/pglite';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';
import { runJsonAgg, respondRows } from './json-result.ts';
import { RestError } from './rest-error.ts';
import { applyRange, parseLevels } from './request-levels.ts';
import type { Common, RestContext, RestRequest, RestResponse } from './rest-types.ts';
import type { Relation } from './schema-cache.ts';
import { emptyLevel, qualified, QueryBuilder } from './sql-builder.ts';

// GET and HEAD on a table or view: the select tree, filters, order and paging, and the exact
// count PostgREST puts in Content-Range when Prefer: count=exact asks for it.

export async function read(ctx: RestContext, tx: Transaction, req: RestRequest, relation: Relation, common: Common): Promise<RestResponse> {
  const { items, levels } = parseLevels(req.query);
  const top = levels.get('') ?? emptyLevel();
  levels.set('', top);
  applyRange(req, top);
  const builder = new QueryBuilder(ctx.cache, levels);
  const alias = builder.nextAlias();
  const { list, innerConditions } = builder.selectList(alias, relation, items, '');
  const where = [...top.where.map((c) => builder.condition(alias, c)), ...innerConditions];
  const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
  const inner = `select ${list} from ${qualified(relation)} as ${alias}${whereSql}${builder.orderSql(alias, top.order)}${builder.pagingSql(top)}`;
  const result = await runJsonAgg(tx, inner, builder.params.values, common.stripNulls);
  let total: number | null = null;
  if (common.prefs.count) {
    const countBuilder = new QueryBuilder(ctx.cache, levels);
    const countAlias = countBuilder.nextAlias();
    const countInner = countBuilder.selectList(countAlias, relation, items, '').innerConditions;
    const countWhere = [...top.where.map((c) => countBuilder.condition(countAlias, c)), ...countInner];
    const res = await tx.query<{ n: number }>(
      `select count(*)::int as n from ${qualified(relation)} as ${countAlias}${countWhere.length ? ` where ${countWhere.join(' and ')}` : ''}`,
      countBuilder.params.values, { serializers: TEXT_SERIALIZERS });
    total = res.rows[0]?.n ?? 0;
    // PostgREST: an offset beyond the counted rows is not satisfiable.
    const offset = top.offset ?? 0;
    if (offset > total) {
      throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`, null);
    }
  }
  return respondRows(req, common, result, 200, total, top.offset ?? 0);
}
