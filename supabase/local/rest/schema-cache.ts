import type { PGlite } from '@electric-sql/pglite';

// What PostgREST keeps in its schema cache: relations, their columns and keys, the foreign keys
// that make embedding possible, and callable functions. Loaded from the catalog, reloaded on demand.

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: Map<string, string>;
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface RpcFunction {
  schema: string;
  name: string;
  args: { name: string; type: string; hasDefault: boolean }[];
  returnsSet: boolean;
  returnsComposite: boolean;
  returnsVoid: boolean;
}

export class SchemaCache {
  private relations = new Map<string, Relation>();
  private foreignKeys: ForeignKey[] = [];
  private functions = new Map<string, RpcFunction[]>();

  constructor(private readonly db: PGlite) {}

  async reload(): Promise<void> {
    const cols = await this.db.query<{ schema: string; name: string; kind: string; column: string | null; type: string | null }>(`
      select n.nspname as schema, c.relname as name, c.relkind as kind, a.attname as column,
             format_type(a.atttypid, a.atttypmod) as type
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relkind in ('r', 'v', 'm', 'p', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
      order by n.nspname, c.relname, a.attnum`);
    const relations = new Map<string, Relation>();
    for (const row of cols.rows) {
      const key = `${row.schema}.${row.name}`;
      let rel = relations.get(key);
      if (!rel) {
        rel = { schema: row.schema, name: row.name, kind: row.kind === 'v' || row.kind === 'm' ? 'view' : 'table', columns: new Map(), primaryKey: [] };
        relations.set(key, rel);
      }
      if (row.column && row.type) rel.columns.set(row.column, row.type);
    }
    const constraints = await this.db.query<{
      name: string; type: string; schema: string; table: string; columns: string[]; ref_schema: string | null; ref_table: string | null; ref_columns: string[] | null;
    }>(`
      select con.conname as name, con.contype as type, n.nspname as schema, c.relname as table,
        array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord)::text[] as columns,
        rn.nspname as ref_schema, rc.relname as ref_table,
        array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)::text[] as ref_columns
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_class rc on rc.oid = con.confrelid left join pg_namespace rn on rn.oid = rc.relnamespace
      where con.contype in ('p', 'f') and n.nspname not in ('pg_catalog', 'information_schema')`);
    const foreignKeys: ForeignKey[] = [];
    for (const row of constraints.rows) {
      if (row.type === 'p') {
        const rel = relations.get(`${row.schema}.${row.table}`);
        if (rel) rel.primaryKey = row.columns;
      } else if (row.ref_schema && row.ref_table && row.ref_columns) {
        foreignKeys.push({
          name: row.name, schema: row.schema, table: row.table, columns: row.columns,
          refSchema: row.ref_schema, refTable: row.ref_table, refColumns: row.ref_columns,
        });
      }
    }
    const fns = await this.db.query<{
      schema: string; name: string; arg_names: string[] | null; arg_types: string[]; arg_modes: string[] | null; n_defaults: number;
      returns_set: boolean; ret_kind: string; ret_type: string; volatility: string;
    }>(`
      select n.nspname as schema, p.proname as name, p.proargnames as arg_names,
        array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) t)::text[] as arg_types,
        p.proargmodes::text[] as arg_modes, p.pronargdefaults as n_defaults, p.proretset as returns_set,
        t.typtype as ret_kind, format_type(p.prorettype, null) as ret_type
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
      where p.prokind = 'f' and n.nspname not in ('pg_catalog', 'information_schema')`);
    const functions = new Map<string, RpcFunction[]>();
    for (const row of fns.rows) {
      const inputs: { name: string; type: string }[] = [];
      row.arg_types.forEach((type, i) => {
        const mode = row.arg_modes?.[i] ?? 'i';
        if (mode === 'i' || mode === 'b' || mode === 'v') inputs.push({ name: row.arg_names?.[i] ?? '', type });
      });
      const firstDefault = inputs.length - row.n_defaults;
      const fn: RpcFunction = {
        schema: row.schema,
        name: row.name,
        args: inputs.map((a, i) => ({ ...a, hasDefault: i >= firstDefault })),
        returnsSet: row.returns_set,
        returnsComposite: row.ret_kind === 'c' || row.ret_type === 'record',
        returnsVoid: row.ret_type === 'void',
      };
      const key = `${row.schema}.${row.name}`;
      functions.set(key, [...(functions.get(key) ?? []), fn]);
    }
    this.relations = relations;
    this.foreignKeys = foreignKeys;
    this.functions = functions;
  }

  relation(schema: string, name: string): Relation | undefined {
    return this.relations.get(`${schema}.${name}`);
  }

  functionsNamed(schema: string, name: string): RpcFunction[] {
    return this.functions.get(`${schema}.${name}`) ?? [];
  }

  /** Relations the given one points at, with the links, for embedding by column or constraint name. */
  outgoingTargets(from: Relation): { target: Relation; links: { fk: ForeignKey; manyToOne: boolean }[] }[] {
    const out: { target: Relation; links: { fk: ForeignKey; manyToOne: boolean }[] }[] = [];
    for (const fk of this.foreignKeys) {
      if (fk.schema !== from.schema || fk.table !== from.name) continue;
      const target = this.relation(fk.refSchema, fk.refTable);
      if (target) out.push({ target, links: [{ fk, manyToOne: true }] });
    }
    return out;
  }

  /** Tables holding one foreign key to each side: the junctions of many-to-many embedding. */
  junctionsBetween(from: Relation, to: Relation): { junction: Relation; toParent: ForeignKey; toTarget: ForeignKey }[] {
    const out: { junction: Relation; toParent: ForeignKey; toTarget: ForeignKey }[] = [];
    for (const a of this.foreignKeys) {
      if (a.refSchema !== from.schema || a.refTable !== from.name) continue;
      for (const b of this.foreignKeys) {
        if (b === a || b.schema !== a.schema || b.table !== a.table || b.refSchema !== to.schema || b.refTable !== to.name) continue;
        const junction = this.relation(a.schema, a.table);
        if (junction && junction !== from && junction !== to) out.push({ junction, toParent: a, toTarget: b });
      }
    }
    return out;
  }

  /** Foreign keys linking `from` and `to` in either direction. */
  linksBetween(from: Relation, to: Relation): { fk: ForeignKey; manyToOne: boolean }[] {
    const links: { fk: ForeignKey; manyToOne: boolean }[] = [];
    for (const fk of this.foreignKeys) {
      if (fk.schema === from.schema && fk.table === from.name && fk.refSchema === to.schema && fk.refTable === to.name) {
        links.push({ fk, manyToOne: true });
      }
      if (fk.schema === to.schema && fk.table === to.name && fk.refSchema === from.schema && fk.refTable === from.name) {
        // A self-reference appears twice on purpose: parent (many-to-one) and children (one-to-many).
        links.push({ fk, manyToOne: false });
      }
    }
    return links;
  }
}
