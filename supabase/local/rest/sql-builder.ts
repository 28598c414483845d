import { RestError } from './rest-error.ts';
import type { ColumnRef, Condition, OrderTerm, SelectItem } from './query-syntax.ts';
import type { ForeignKey, Relation, SchemaCache } from './schema-cache.ts';

// Turns parsed requests into SQL. Identifiers only ever enter SQL through quoteIdent, and
// values only through bound parameters, so no query string can change the statement's shape.

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qualified = (rel: { schema: string; name: string }): string => `${quoteIdent(rel.schema)}.${quoteIdent(rel.name)}`;

export class Params {
  readonly values: (string | null)[] = [];
  add(value: string | null): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Filters, order and paging for one level of the select tree; keyed by embed path ('' = top). */
export interface LevelOptions {
  where: Condition[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
}

export const emptyLevel = (): LevelOptions => ({ where: [], order: [], limit: null, offset: null });

export class QueryBuilder {
  private aliasCounter = 0;
  readonly params = new Params();

  constructor(
    private readonly cache: SchemaCache,
    private readonly levels: Map<string, LevelOptions>,
  ) {}

  nextAlias(): string {
    return `_t${++this.aliasCounter}`;
  }

  level(path: string): LevelOptions {
    return this.levels.get(path) ?? emptyLevel();
  }

  column(alias: string, ref: ColumnRef): string {
    let sql = `${alias}.${quoteIdent(ref.name)}`;
    for (const step of ref.path) {
      const key = /^-?\d+$/.test(step.key) ? step.key : `${this.params.add(step.key)}::text`;
      sql = `(${sql}${step.arrow}${key})`;
    }
    return sql;
  }

  condition(alias: string, cond: Condition): string {
    if (cond.kind === 'logic') {
      const parts = cond.children.map((c) => this.condition(alias, c));
      const joined = parts.length === 0 ? 'true' : `(${parts.join(cond.operator === 'and' ? ' and ' : ' or ')})`;
      return cond.negated ? `not ${joined}` : joined;
    }
    const col = this.column(alias, cond.column);
    const sql = this.operatorSql(col, cond);
    return cond.negated ? `not (${sql})` : sql;
  }

  private operatorSql(col: string, cond: Extract<Condition, { kind: 'filter' }>): string {
    const value = cond.value;
    if (Array.isArray(value)) {
      if (value.length === 0) return 'false';
      return `${col} in (${value.map((v) => this.params.add(v)).join(', ')})`;
    }
    const p = (v: string): string => this.params.add(v);
    switch (cond.operator) {
      case 'eq': return `${col} = ${p(value)}`;
      case 'neq': return `${col} <> ${p(value)}`;
      case 'gt': return `${col} > ${p(value)}`;
      case 'gte': return `${col} >= ${p(value)}`;
      case 'lt': return `${col} < ${p(value)}`;
      case 'lte': return `${col} <= ${p(value)}`;
      case 'like': return `${col} like ${p(value.replace(/\*/g, '%'))}`;
      case 'ilike': return `${col} ilike ${p(value.replace(/\*/g, '%'))}`;
      case 'match': return `${col} ~ ${p(value)}`;
      case 'imatch': return `${col} ~* ${p(value)}`;
      case 'isdistinct': return `${col} is distinct from ${p(value)}`;
      case 'is': {
        const allowed: Record<string, string> = { null: 'null', not_null: 'not null', true: 'true', false: 'false', unknown: 'unknown' };
        const literal = allowed[value.toLowerCase()];
        if (!literal) throw new RestError(400, 'PGRST100', '"failed to parse filter (is)"', `unexpected "${value}" expecting null, true, false or unknown`);
        return `${col} is ${literal}`;
      }
      case 'cs': return `${col} @> ${p(value)}`;
      case 'cd': return `${col} <@ ${p(value)}`;
      case 'ov': return `${col} && ${p(value.startsWith('(') && value.endsWith(')') ? `{${value.slice(1, -1)}}` : value)}`;
      case 'sl': return `${col} << ${p(value)}`;
      case 'sr': return `${col} >> ${p(value)}`;
      case 'nxr': return `${col} &< ${p(value)}`;
      case 'nxl': return `${col} &> ${p(value)}`;
      case 'adj': return `${col} -|- ${p(value)}`;
      case 'fts': case 'plfts': case 'phfts': case 'wfts': {
        const fn = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' }[cond.operator];
        const config = cond.modifier ? `${p(cond.modifier)}::regconfig, ` : '';
        return `${col} @@ ${fn}(${config}${p(value)})`;
      }
      case 'in':
        throw new RestError(400, 'PGRST100', '"failed to parse filter (in)"');
    }
  }

  orderSql(alias: string, order: OrderTerm[]): string {
    if (order.length === 0) return '';
    const terms = order.map((t) => `${this.column(alias, t.column)} ${t.descending ? 'desc' : 'asc'}${t.nulls ? ` nulls ${t.nulls}` : ''}`);
    return ` order by ${terms.join(', ')}`;
  }

  pagingSql(level: LevelOptions): string {
    let sql = '';
    if (level.limit !== null) sql += ` limit ${level.limit}`;
    if (level.offset !== null && level.offset > 0) sql += ` offset ${level.offset}`;
    return sql;
  }

  /** The select list for one level: plain columns plus a correlated subquery per embed. */
  selectList(alias: string, relation: Relation | null, items: SelectItem[], path: string): { list: string; innerConditions: string[] } {
    const parts: string[] = [];
    const innerConditions: string[] = [];
    for (const item of items) {
      if (item.kind === 'star') parts.push(`${alias}.*`);
      else if (item.kind === 'column') {
        const name = item.alias ?? (item.column.path.length ? (item.column.path.at(-1)?.key as string) : item.column.name);
        const expr = this.column(alias, item.column);
        parts.push(`${item.cast ? `(${expr})::${castType(item.cast)}` : expr} as ${quoteIdent(name)}`);
      } else {
        if (!relation) throw new RestError(400, 'PGRST200', 'Embedding is only available on tables and views');
        if (item.spread) {
          parts.push(...this.spread(alias, relation, item));
          continue;
        }
        const embed = this.embed(alias, relation, item, path);
        parts.push(`${embed.expr} as ${quoteIdent(item.alias ?? item.relation)}`);
        if (embed.inner) innerConditions.push(embed.inner);
      }
    }
    return { list: parts.length ? parts.join(', ') : `${alias}.*`, innerConditions };
  }

  private embed(parentAlias: string, parent: Relation, item: Extract<SelectItem, { kind: 'embed' }>, parentPath: string): { expr: string; inner: string | null } {
    const link = this.resolveEmbed(parent, item);
    const target = link.target;
    const manyToOne = link.kind === 'direct' && link.manyToOne;
    const path = parentPath ? `${parentPath}.${item.alias ?? item.relation}` : (item.alias ?? item.relation);
    const level = this.level(path);
    const pairs = (left: string, leftCols: string[], right: string, rightCols: string[]): string =>
      leftCols.map((c, i) => `${left}.${quoteIdent(c)} = ${right}.${quoteIdent(rightCols[i] as string)}`).join(' and ');
    const joinFor = (alias: string): string => {
      if (link.kind === 'junction') {
        const j = this.nextAlias();
        return `exists (select 1 from ${qualified(link.junction)} as ${j} where ${pairs(j, link.toTarget.columns, alias, link.toTarget.refColumns)}`
          + ` and ${pairs(j, link.toParent.columns, parentAlias, link.toParent.refColumns)})`;
      }
      const fk = link.fk;
      return link.manyToOne ? pairs(alias, fk.refColumns, parentAlias, fk.columns) : pairs(alias, fk.columns, parentAlias, fk.refColumns);
    };
    const alias = this.nextAlias();
    const { list, innerConditions } = this.selectList(alias, target, item.items, path);
    const where = [joinFor(alias), ...level.where.map((c) => this.condition(alias, c)), ...innerConditions].join(' and ');
    const from = `from ${qualified(target)} as ${alias} where ${where}`;
    const expr = manyToOne
      ? `(select to_json(_x) from (select ${list} ${from} limit 1) _x)`
      : `(select coalesce(json_agg(_x), '[]'::json) from (select ${list} ${from}${this.orderSql(alias, level.order)}${this.pagingSql(level)}) _x)`;
    let inner: string | null = null;
    if (item.inner) {
      const innerAlias = this.nextAlias();
      const innerWhere = [joinFor(innerAlias), ...level.where.map((c) => this.condition(innerAlias, c))].join(' and ');
      inner = `exists (select 1 from ${qualified(target)} as ${innerAlias} where ${innerWhere})`;
    }
    return { expr, inner };
  }

  /** `...rel(a, b)`: the to-one relation's columns lifted into the parent row, one subquery each. */
  private spread(parentAlias: string, parent: Relation, item: Extract<SelectItem, { kind: 'embed' }>): string[] {
    const link = this.resolveEmbed(parent, item);
    if (link.kind !== 'direct' || !link.manyToOne) {
      throw new RestError(400, 'PGRST119', 'A spread operation on a to-many relationship is not supported', `'${parent.name}' and '${item.relation}' do not form a many-to-one or one-to-one relationship`);
    }
    const out: string[] = [];
    const columnItem = (column: Extract<SelectItem, { kind: 'column' }>): void => {
      const alias = this.nextAlias();
      const name = column.alias ?? (column.column.path.length ? (column.column.path.at(-1)?.key as string) : column.column.name);
      const expr = this.column(alias, column.column);
      const join = link.fk.refColumns.map((c, i) => `${alias}.${quoteIdent(c)} = ${parentAlias}.${quoteIdent(link.fk.columns[i] as string)}`).join(' and ');
      out.push(`(select ${column.cast ? `(${expr})::${castType(column.cast)}` : expr} from ${qualified(link.target)} as ${alias} where ${join} limit 1) as ${quoteIdent(name)}`);
    };
    for (const inner of item.items) {
      if (inner.kind === 'column') columnItem(inner);
      else if (inner.kind === 'star') {
        for (const name of link.target.columns.keys()) columnItem({ kind: 'column', column: { name, path: [] }, alias: null, cast: null });
      } else throw new RestError(400, 'PGRST100', '"failed to parse select parameter"', 'embedding inside a spread is not supported by the local backend');
    }
    return out;
  }

  private resolveEmbed(parent: Relation, item: Extract<SelectItem, { kind: 'embed' }>):
    | { kind: 'direct'; target: Relation; fk: ForeignKey; manyToOne: boolean }
    | { kind: 'junction'; target: Relation; junction: Relation; toParent: ForeignKey; toTarget: ForeignKey } {
    let target = this.cache.relation(parent.schema, item.relation);
    let links = target ? this.cache.linksBetween(parent, target) : [];
    if (!target) {
      // PostgREST also accepts a foreign-key column or constraint name in place of the table.
      for (const candidate of this.cache.outgoingTargets(parent)) {
        const found = candidate.links.filter((l) => l.manyToOne && (l.fk.name === item.relation || (l.fk.columns.length === 1 && l.fk.columns[0] === item.relation)));
        if (found.length) {
          target = candidate.target;
          links = found;
          break;
        }
      }
    }
    const hint = item.hint;
    if (hint) {
      links = links.filter((l) => l.fk.name === hint || (l.fk.columns.length === 1 && (l.fk.columns[0] === hint || l.fk.refColumns[0] === hint)));
    }
    if (target && links.length === 0) {
      // No direct key: look for a junction table, as PostgREST does for many-to-many.
      const junctions = this.cache.junctionsBetween(parent, target).filter((j) => !hint || j.junction.name === hint);
      if (junctions.length === 1) {
        const j = junctions[0] as (typeof junctions)[number];
        return { kind: 'junction', target, junction: j.junction, toParent: j.toParent, toTarget: j.toTarget };
      }
      if (junctions.length > 1) {
        throw new RestError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${parent.name}' and '${item.relation}'`,
          junctions.map((j) => `${j.junction.name} (many-to-many)`).join(', '),
          `Try changing '${item.relation}' to one of the following: ${junctions.map((j) => `'${item.relation}!${j.junction.name}'`).join(', ')}.`);
      }
    }
    if (!target || links.length === 0) {
      throw new RestError(400, 'PGRST200', `Could not find a relationship between '${parent.name}' and '${item.relation}' in the schema cache`,
        `Searched for a foreign key relationship between '${parent.name}' and '${item.relation}' in the schema '${parent.schema}', but no matches were found.`,
        null);
    }
    if (links.length > 1) {
      throw new RestError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${parent.name}' and '${item.relation}'`,
        links.map((l) => `${l.fk.name} (${l.manyToOne ? 'many-to-one' : 'one-to-many'})`).join(', '),
        `Try changing '${item.relation}' to one of the following: ${links.map((l) => `'${item.relation}!${l.fk.name}'`).join(', ')}.`);
    }
    const link = links[0] as (typeof links)[number];
    return { kind: 'direct', target, fk: link.fk, manyToOne: link.manyToOne };
  }
}

// SQL-standard spellings that are keywords, not type names, and so cannot be quoted.
const CAST_ALIASES: Record<string, string> = {
  int: 'int4', integer: 'int4', smallint: 'int2', bigint: 'int8', boolean: 'bool', real: 'float4',
  float: 'float8', decimal: 'numeric', dec: 'numeric',
};

/** A select cast (`col::type`, already limited to one name with an optional []) as a quoted type name. */
export function castType(cast: string): string {
  const m = /^([a-z_][a-z0-9_]*)(\[\])?$/.exec(cast.toLowerCase());
  if (!m) throw new RestError(400, 'PGRST100', '"failed to parse cast"', cast, null);
  const name = m[1] as string;
  return `${quoteIdent(CAST_ALIASES[name] ?? name)}${m[2] ?? ''}`;
}
