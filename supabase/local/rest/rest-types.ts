import type { PGlite } from '@electric-sql/pglite';
import type { RequestIdentity } from '../request-transaction.ts';
import type { SchemaCache } from './schema-cache.ts';

// The shapes shared by the REST handler's parts.

export interface RestRequest {
  method: string;
  path: string; // after /rest/v1
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  identity: RequestIdentity;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export interface RestContext {
  db: PGlite;
  cache: SchemaCache;
  exposedSchemas: string[];
}

export const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface Preferences {
  returnMode: 'representation' | 'minimal' | 'headers-only';
  count: boolean;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
  missingDefault: boolean;
  /** Prefer: handling=strict with max-affected=N: more affected rows than N roll the write back. */
  maxAffected: number | null;
}

export type Common = { schema: string; readOnly: boolean; prefs: Preferences; wantsObject: boolean; stripNulls: boolean };
