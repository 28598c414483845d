import type { Transaction } from '@electric-sql/pglite';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';
import { RestError } from './rest-error.ts';
import { JSON_TYPE, type Common, type RestRequest, type RestResponse } from './rest-types.ts';

// Rows are turned into JSON by PostgreSQL itself (json_agg), so values keep PostgREST's exact
// formatting, and the HTTP answer is assembled from that text.

export async function runJsonAgg(tx: Transaction, innerSql: string, params: (string | null)[], stripNulls: boolean, cte = ''): Promise<{ body: string; n: number }> {
  const element = stripNulls ? 'json_strip_nulls(to_json(_x))' : '_x';
  const res = await tx.query<{ body: string; n: number }>(
    `${cte}select coalesce(json_agg(${element}), '[]'::json)::text as body, count(*)::int as n from (${innerSql}) _x`,
    params, { serializers: TEXT_SERIALIZERS });
  const row = res.rows[0];
  return { body: row?.body ?? '[]', n: row?.n ?? 0 };
}

export function respondRows(req: RestRequest, common: Common, result: { body: string; n: number }, status: number, total: number | null, offset: number): RestResponse {
  const headers: Record<string, string> = { 'content-type': JSON_TYPE };
  const rangeStart = result.n === 0 ? '*' : `${offset}-${offset + result.n - 1}`;
  headers['content-range'] = `${rangeStart}/${total ?? '*'}`;
  if (common.wantsObject) {
    if (result.n !== 1) {
      throw new RestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', `The result contains ${result.n} rows`, null);
    }
    headers['content-type'] = 'application/vnd.pgrst.object+json; charset=utf-8';
    return { status, headers, body: req.method === 'HEAD' ? null : result.body.trim().slice(1, -1) };
  }
  if (status === 200 && total !== null && result.n < total && req.method !== 'HEAD') status = 206;
  return { status, headers, body: req.method === 'HEAD' ? null : result.body };
}
