// The postgres_changes filter grammar Supabase Realtime accepts: `column=op.value` with
// eq, neq, lt, lte, gt, gte, in. One condition per subscription, as on Supabase.

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

export function matchesFilter(filter: ChangeFilter, record: Record<string, unknown>): boolean {
  // DELETE payloads carry only keys; Supabase cannot filter them on other columns either.
  if (!(filter.column in record)) return true;
  const actual = record[filter.column];
  const asText = actual === null || actual === undefined ? null : typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
  const wanted = filter.values[0] ?? '';
  switch (filter.op) {
    case 'eq': return asText === wanted;
    case 'neq': return asText !== wanted;
    case 'in': return asText !== null && filter.values.includes(asText);
    default: {
      if (asText === null) return false;
      const cmp = compare(asText, wanted);
      if (filter.op === 'lt') return cmp < 0;
      if (filter.op === 'lte') return cmp <= 0;
      if (filter.op === 'gt') return cmp > 0;
      return cmp >= 0;
    }
  }
}

function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
