import { runAsRequest } from '../request-transaction.ts';
import { fromPgError, RestError } from './rest-error.ts';
import { read } from './rest-read.ts';
import { callFunction } from './rest-rpc.ts';
import { JSON_TYPE, type Preferences, type RestContext, type RestRequest, type RestResponse } from './rest-types.ts';
import { insert, remove, update } from './rest-write.ts';
import type { Relation, RpcFunction } from './schema-cache.ts';
import { quoteIdent } from './sql-builder.ts';

export type { RestContext, RestRequest, RestResponse } from './rest-types.ts';

// The PostgREST surface: picks the schema and target, then runs the read, write or function
// call inside one transaction under the caller's role and claims.

export async function handleRest(ctx: RestContext, req: RestRequest): Promise<RestResponse> {
  const readOnly = req.method === 'GET' || req.method === 'HEAD';
  const schema = pickSchema(ctx, req, readOnly);
  let segments: string[];
  try {
    segments = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new RestError(400, 'PGRST100', 'Invalid path specified in request URL');
  }
  if (segments.length === 0) {
    return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ swagger: '2.0', info: { title: 'local', version: '12' }, paths: {} }) };
  }
  const prefs = parsePrefer(req.headers.prefer ?? '');
  const accept = req.headers.accept ?? 'application/json';
  const wantsObject = accept.includes('application/vnd.pgrst.object+json');
  const stripNulls = accept.includes('nulls=stripped');
  const common = { schema, readOnly, prefs, wantsObject, stripNulls };
  const settings = {
    ...req.identity,
    method: req.method,
    path: `/${segments.join('/')}`,
    headers: req.headers,
    searchPath: `${quoteIdent(schema)}, extensions`,
    readOnly,
  };
  let isRpc = false;
  let target: Relation | RpcFunction[];
  if (segments[0] === 'rpc' && segments.length === 2) {
    isRpc = true;
    target = await resolveFunctions(ctx, schema, segments[1] as string);
  } else if (segments.length === 1) {
    target = await resolveRelation(ctx, schema, segments[0] as string);
  } else {
    throw new RestError(404, 'PGRST125', `Invalid path specified in request URL`);
  }
  try {
    return await runAsRequest(ctx.db, settings, async (tx) => {
      if (isRpc) return callFunction(ctx, tx, req, target as RpcFunction[], common);
      const relation = target as Relation;
      switch (req.method) {
        case 'GET':
        case 'HEAD':
          return read(ctx, tx, req, relation, common);
        case 'POST':
          return insert(ctx, tx, req, relation, common);
        case 'PATCH':
          return update(ctx, tx, req, relation, common);
        case 'DELETE':
          return remove(ctx, tx, req, relation, common);
        default:
          throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
      }
    });
  } catch (error) {
    if (error instanceof RestError) throw error;
    throw fromPgError(error, req.identity.role);
  }
}

function pickSchema(ctx: RestContext, req: RestRequest, readOnly: boolean): string {
  const requested = (readOnly ? req.headers['accept-profile'] : req.headers['content-profile']) ?? ctx.exposedSchemas[0] ?? 'public';
  if (!ctx.exposedSchemas.includes(requested)) {
    throw new RestError(406, 'PGRST106', `The schema must be one of the following: ${ctx.exposedSchemas.join(', ')}`, null, null);
  }
  return requested;
}

function parsePrefer(header: string): Preferences {
  const prefs: Preferences = { returnMode: 'minimal', count: false, resolution: null, missingDefault: false, maxAffected: null };
  let strict = false;
  for (const raw of header.split(',')) {
    const [key, value] = raw.trim().split('=').map((s) => s.trim());
    if (key === 'return' && (value === 'representation' || value === 'minimal' || value === 'headers-only')) prefs.returnMode = value;
    else if (key === 'count' && (value === 'exact' || value === 'planned' || value === 'estimated')) prefs.count = true;
    else if (key === 'resolution' && (value === 'merge-duplicates' || value === 'ignore-duplicates')) prefs.resolution = value;
    else if (key === 'missing' && value === 'default') prefs.missingDefault = true;
    else if (key === 'handling' && value === 'strict') strict = true;
    else if (key === 'max-affected' && value && /^\d+$/.test(value)) prefs.maxAffected = Number(value);
  }
  // PostgREST honours max-affected only under strict handling.
  if (!strict) prefs.maxAffected = null;
  return prefs;
}

async function resolveRelation(ctx: RestContext, schema: string, name: string): Promise<Relation> {
  let rel = ctx.cache.relation(schema, name);
  if (!rel) {
    await ctx.cache.reload();
    rel = ctx.cache.relation(schema, name);
  }
  if (!rel) {
    throw new RestError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`, null, null);
  }
  return rel;
}

async function resolveFunctions(ctx: RestContext, schema: string, name: string): Promise<RpcFunction[]> {
  let fns = ctx.cache.functionsNamed(schema, name);
  if (fns.length === 0) {
    await ctx.cache.reload();
    fns = ctx.cache.functionsNamed(schema, name);
  }
  return fns;
}
