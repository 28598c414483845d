import { parseColumnRef, parseFilterValue, parseLogic, parseNonNegativeInt, parseOrder, parseSelect, type SelectItem } from './query-syntax.ts';
import { RestError } from './rest-error.ts';
import type { RestRequest } from './rest-types.ts';
import { emptyLevel, type LevelOptions } from './sql-builder.ts';

// Query-string parameters grouped by the select level they address: `tasks.order=` orders the
// embedded tasks, `order=` the top level.

/** Splits the query string into the select tree and per-level filters, order and paging. */
export function parseLevels(query: URLSearchParams, skip: Set<string> = new Set()): { items: SelectItem[]; levels: Map<string, LevelOptions> } {
  const levels = new Map<string, LevelOptions>();
  const level = (path: string): LevelOptions => {
    let l = levels.get(path);
    if (!l) levels.set(path, (l = emptyLevel()));
    return l;
  };
  let items: SelectItem[] = [{ kind: 'star' }];
  for (const [key, value] of query) {
    if (skip.has(key)) continue;
    if (key === 'select') {
      items = parseSelect(value);
      continue;
    }
    if (key === 'on_conflict' || key === 'columns') continue;
    if (key === 'not.or' || key === 'not.and') {
      level('').where.push(parseLogic(key.slice(4) as 'and' | 'or', true, value));
      continue;
    }
    const lastDot = key.lastIndexOf('.');
    const [path, name] = lastDot >= 0 && !/->/.test(key.slice(lastDot)) ? [key.slice(0, lastDot), key.slice(lastDot + 1)] : ['', key];
    const target = level(path);
    if (name === 'order') target.order = parseOrder(value);
    else if (name === 'limit') target.limit = parseNonNegativeInt(value, 'limit');
    else if (name === 'offset') target.offset = parseNonNegativeInt(value, 'offset');
    else if (name === 'or' || name === 'and') target.where.push(parseLogic(name, false, value));
    else target.where.push(parseFilterValue(parseColumnRef(name), value));
  }
  return { items, levels };
}

export function applyRange(req: RestRequest, top: LevelOptions): void {
  const range = /^(\d+)-(\d*)$/.exec((req.headers.range ?? '').replace(/^items=/, ''));
  if (!range) return;
  const from = Number(range[1]);
  const to = range[2] ? Number(range[2]) : null;
  top.offset = Math.max(top.offset ?? 0, from);
  if (to !== null) {
    if (to < from) throw new RestError(416, 'PGRST103', 'Requested range not satisfiable');
    const size = to - from + 1;
    top.limit = top.limit === null ? size : Math.min(top.limit, size);
  }
}
