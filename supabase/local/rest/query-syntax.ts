import { parseError } from './rest-error.ts';

// The PostgREST URL grammar supabase-js produces: select trees, filters, logic trees and order.
// Everything here only parses; identifiers are quoted and values bound later, in sql-builder.ts.

export interface ColumnRef {
  name: string;
  /** json path steps after the column: `->` keeps json, `->>` yields text. */
  path: { arrow: '->' | '->>'; key: string }[];
}

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; column: ColumnRef; alias: string | null; cast: string | null }
  | { kind: 'embed'; relation: string; alias: string | null; hint: string | null; inner: boolean; spread: boolean; items: SelectItem[] };

export const FILTER_OPERATORS = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in',
  'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj', 'fts', 'plfts', 'phfts', 'wfts',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type Condition =
  | { kind: 'filter'; column: ColumnRef; negated: boolean; operator: FilterOperator; modifier: string | null; value: string | string[] }
  | { kind: 'logic'; operator: 'and' | 'or'; negated: boolean; children: Condition[] };

export interface OrderTerm {
  column: ColumnRef;
  descending: boolean;
  nulls: 'first' | 'last' | null;
}

const IDENT = /^[\p{L}\p{N}_$ -]+$/u;

export function parseIdentifier(raw: string, what = 'identifier'): string {
  const text = raw.trim();
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) return text.slice(1, -1).replace(/""/g, '"');
  if (!IDENT.test(text)) throw parseError(`"failed to parse ${what}"`, `Unexpected ${what}: ${raw}`);
  return text;
}

/** Splits on `sep` at depth 0, honouring parentheses and double-quoted strings. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < text.length) current += text[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) throw parseError('"failed to parse": unbalanced parentheses', text);
    } else if (ch === sep && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (depth !== 0 || quoted) throw parseError('"failed to parse": unbalanced parentheses or quotes', text);
  parts.push(current);
  return parts;
}

export function parseColumnRef(raw: string): ColumnRef {
  const pieces = raw.split(/(->>|->)/);
  const name = parseIdentifier(pieces[0] ?? '', 'column');
  const path: ColumnRef['path'] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const arrow = pieces[i] as '->' | '->>';
    const key = (pieces[i + 1] ?? '').trim();
    if (!key) throw parseError('"failed to parse json path"', raw);
    path.push({ arrow, key: key.startsWith("'") && key.endsWith("'") ? key.slice(1, -1) : key });
  }
  return { name, path };
}

export function parseSelect(text: string): SelectItem[] {
  const trimmed = text.trim();
  if (trimmed === '' ) return [{ kind: 'star' }];
  return splitTopLevel(trimmed).map((raw) => parseSelectItem(raw.trim(), text));
}

function parseSelectItem(raw: string, whole: string): SelectItem {
  if (raw === '') throw parseError('"failed to parse select parameter"', whole);
  if (raw === '*') return { kind: 'star' };
  const spread = raw.startsWith('...');
  let alias: string | null = null;
  let rest = spread ? raw.slice(3) : raw;
  const aliasMatch = spread ? null : /^([^:(]+?):(?!:)(.*)$/s.exec(raw);
  if (aliasMatch) {
    alias = parseIdentifier(aliasMatch[1] as string, 'alias');
    rest = (aliasMatch[2] as string).trim();
  }
  const open = rest.indexOf('(');
  if (open >= 0) {
    if (!rest.endsWith(')')) throw parseError('"failed to parse select parameter"', raw);
    const head = rest.slice(0, open);
    const [relationRaw, ...hints] = head.split('!');
    let hint: string | null = null;
    let inner = false;
    for (const h of hints) {
      if (h === 'inner') inner = true;
      else if (h === 'left') inner = false;
      else hint = parseIdentifier(h, 'embed hint');
    }
    return {
      kind: 'embed',
      relation: parseIdentifier(relationRaw ?? '', 'relation'),
      alias,
      hint,
      inner,
      spread,
      items: parseSelect(rest.slice(open + 1, -1)),
    };
  }
  if (spread) throw parseError('"failed to parse select parameter"', `a spread needs a relation: ${raw}`);
  let cast: string | null = null;
  const castAt = rest.indexOf('::');
  if (castAt >= 0) {
    cast = rest.slice(castAt + 2).trim();
    rest = rest.slice(0, castAt);
    if (!/^[a-z_][a-z0-9_]*(\[\])?$/i.test(cast)) throw parseError('"failed to parse cast"', raw);
  }
  return { kind: 'column', column: parseColumnRef(rest), alias, cast };
}

/** `[not.]op[(modifier)].value` as it appears after `column=`. */
export function parseFilterValue(column: ColumnRef, text: string): Condition {
  let negated = false;
  let rest = text;
  if (rest.startsWith('not.')) {
    negated = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot < 0) throw parseError('"failed to parse filter"', text);
  let op = rest.slice(0, dot);
  const value = rest.slice(dot + 1);
  let modifier: string | null = null;
  const mod = /^(\w+)\(([^)]*)\)$/.exec(op);
  if (mod) {
    op = mod[1] as string;
    modifier = mod[2] as string;
  }
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
    throw parseError(`"failed to parse filter (${text})"`, `unknown operator "${op}"`);
  }
  const operator = op as FilterOperator;
  if (operator === 'in') return { kind: 'filter', column, negated, operator, modifier, value: parseList(value) };
  if (modifier && !['fts', 'plfts', 'phfts', 'wfts'].includes(operator)) {
    throw parseError(`"failed to parse filter (${text})"`, 'quantifiers are not supported');
  }
  return { kind: 'filter', column, negated, operator, modifier, value };
}

export function parseList(text: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')')) throw parseError('"failed to parse list"', text);
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  return splitTopLevel(inner).map(unquote);
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

/** The value of an `or=`/`and=` parameter: `(a.eq.1,and(b.gt.2,c.is.null))`. */
export function parseLogic(operator: 'and' | 'or', negated: boolean, text: string): Condition {
  if (!text.startsWith('(') || !text.endsWith(')')) throw parseError(`"failed to parse logic tree (${text})"`);
  const children = splitTopLevel(text.slice(1, -1)).map((raw) => parseLogicItem(raw.trim()));
  return { kind: 'logic', operator, negated, children };
}

function parseLogicItem(raw: string): Condition {
  const logic = /^(not\.)?(and|or)(\(.*\))$/s.exec(raw);
  if (logic) return parseLogic(logic[2] as 'and' | 'or', Boolean(logic[1]), logic[3] as string);
  const dot = raw.indexOf('.');
  if (dot <= 0) throw parseError(`"failed to parse logic tree"`, raw);
  const condition = parseFilterValue(parseColumnRef(raw.slice(0, dot)), raw.slice(dot + 1));
  if (condition.kind === 'filter' && typeof condition.value === 'string') condition.value = unquote(condition.value);
  return condition;
}

export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text).map((raw) => {
    const parts = raw.trim().split('.');
    const column = parseColumnRef(parts[0] ?? '');
    let descending = false;
    let nulls: OrderTerm['nulls'] = null;
    for (const p of parts.slice(1)) {
      if (p === 'asc') descending = false;
      else if (p === 'desc') descending = true;
      else if (p === 'nullsfirst') nulls = 'first';
      else if (p === 'nullslast') nulls = 'last';
      else throw parseError(`"failed to parse order (${text})"`, `unexpected "${p}"`);
    }
    return { column, descending, nulls };
  });
}

export function parseNonNegativeInt(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw parseError(`"failed to parse ${what}"`, text);
  return Number(text);
}
