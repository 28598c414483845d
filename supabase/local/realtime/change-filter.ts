// The postgres_changes filter grammar Supabase Realtime accepts: `column=op.value` with
// eq, neq, lt, lte, gt, gte, in. One condition per subscription, as on Supabase. The comparison
// itself runs in PostgreSQL (change-feed.ts), typed by the column.

export interface ChangeFilter {
  column: string;
  op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
  values: string[];
}

export function parseChangeFilter(text: string | undefined | null): ChangeFilter | null | 'invalid' {
  if (!text) return null;
  const m = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/s.exec(text);
  if (!m) return 'invalid';
  const op = m[2] as ChangeFilter['op'];
  const raw = m[3] as string;
  if (op === 'in') {
    const inner = /^\((.*)\)$/s.exec(raw);
    if (!inner) return 'invalid';
    const values = (inner[1] as string).split(',').map((v) => v.trim().replace(/^"(.*)"$/s, '$1'));
    return { column: (m[1] as string).trim(), op, values };
  }
  return { column: (m[1] as string).trim(), op, values: [raw] };
}

const OPERATORS: Record<Exclude<ChangeFilter['op'], 'in'>, string> = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * The filter as a boolean SQL expression over a row given as jsonb (`rowExpr`), comparing with
 * the column's own type so PostgreSQL decides equality and order (1.50 = 1.5, UUID case,
 * timestamp formats). `param` is the bound value: text, or for `in` a JSON array of texts. A row
 * without the column (a DELETE carries only keys) passes, as Supabase cannot filter it either.
 * `sqlType` comes from format_type(), never from the client.
 */
export function filterSql(filter: ChangeFilter, sqlType: string, rowExpr: string, param: string): string {
  const name = filter.column.replace(/'/g, "''");
  const value = sqlType.endsWith('[]')
    ? `(select array_agg(value) from jsonb_array_elements_text(${rowExpr} -> '${name}'))::${sqlType}`
    : `(${rowExpr} ->> '${name}')::${sqlType}`;
  const test = filter.op === 'in'
    ? `${value} in (select value::${sqlType} from jsonb_array_elements_text(${param}::text::jsonb))`
    : `${value} ${OPERATORS[filter.op]} ${param}::text::${sqlType}`;
  return `(case when not (${rowExpr} ? '${name}') then true else coalesce(${test}, false) end)`;
}
