import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AuthError } from './auth/auth-error.ts';
import { handleAuth, type AuthContext } from './auth/auth-handler.ts';
import { verifyJwt, type JwtClaims } from './jwt.ts';
import { RestError } from './rest/rest-error.ts';
import { handleRest, type RestContext } from './rest/rest-handler.ts';

export interface HttpContext {
  auth: AuthContext;
  rest: RestContext;
  jwtSecret: string;
  anonKey: string;
  switchableRoles: Set<string>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

// Browsers reach the backend from the Vite dev server on another port, so every answer carries
// permissive CORS headers, like Supabase's API gateway does.
const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type, accept, accept-profile, content-profile, prefer, range, range-unit, x-supabase-api-version, x-region',
  'access-control-expose-headers': 'content-range, content-location, x-total-count, link, x-supabase-api-version',
  'access-control-max-age': '86400',
};

export function createHttpServer(ctx: HttpContext): Server {
  return createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: (error as Error).message }));
    });
  });
}

async function route(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    // Echo what the preflight asks for, so a header added by a future supabase-js still passes.
    const asked = headerValue(req, 'access-control-request-headers');
    return send(res, 204, asked ? { 'access-control-allow-headers': asked } : {}, null);
  }
  if (url.pathname.startsWith('/auth/v1')) return routeAuth(ctx, req, res, url, method);
  if (url.pathname.startsWith('/rest/v1')) return routeRest(ctx, req, res, url, method);
  if (url.pathname === '/' || url.pathname === '/health') return send(res, 200, { 'content-type': 'application/json' }, '{"status":"ok"}');
  send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'no Route matched with those values' }));
}

async function routeAuth(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' };
  try {
    const token = bearer(req);
    let claims: JwtClaims | null = null;
    if (token) {
      const check = verifyJwt(token, ctx.jwtSecret);
      if (!check.ok) {
        throw check.reason === 'expired'
          ? new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired')
          : new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, signature is invalid');
      }
      claims = check.claims;
    }
    const body = await readJson(req).catch(() => {
      throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
    });
    const out = await handleAuth(ctx.auth, { method, path: url.pathname.slice('/auth/v1'.length) || '/', query: url.searchParams, body, claims });
    send(res, out.status, { ...headers, ...out.headers }, out.body === null ? null : JSON.stringify(out.body));
  } catch (error) {
    const e = error instanceof AuthError ? error : new AuthError(500, 'unexpected_failure', (error as Error).message);
    send(res, e.status, headers, JSON.stringify(e.toBody()));
  }
}

async function routeRest(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  try {
    const identity = resolveIdentity(ctx, req);
    let body: unknown = null;
    if (method !== 'GET' && method !== 'HEAD') {
      body = await readJson(req).catch(() => {
        throw new RestError(400, 'PGRST102', 'Empty or invalid json');
      });
    }
    const out = await handleRest(ctx.rest, {
      method,
      path: url.pathname.slice('/rest/v1'.length),
      query: url.searchParams,
      headers: lowerHeaders(req),
      body,
      identity,
    });
    send(res, out.status, out.headers, out.body);
  } catch (error) {
    const e = error instanceof RestError ? error : new RestError(500, 'PGRST000', (error as Error).message);
    send(res, e.status, json, JSON.stringify(e.toBody()));
  }
}

/** The caller's role and claims: the bearer token if any, else the apikey, as PostgREST sees them. */
export function resolveIdentity(ctx: HttpContext, req: IncomingMessage): { role: string; claims: JwtClaims } {
  const apikey = headerValue(req, 'apikey');
  const token = bearer(req) ?? apikey ?? null;
  if (!token) return { role: 'anon', claims: { role: 'anon' } };
  const check = verifyJwt(token, ctx.jwtSecret);
  if (!check.ok) {
    if (check.reason === 'expired') throw new RestError(401, 'PGRST303', 'JWT expired', null, null);
    throw new RestError(401, 'PGRST301', check.reason === 'signature' ? 'JWSError JWSInvalidSignature' : 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)', null, null);
  }
  const role = typeof check.claims.role === 'string' ? check.claims.role : 'anon';
  if (!ctx.switchableRoles.has(role)) {
    throw new RestError(401, 'PGRST301', `role "${role}" does not exist or cannot be assumed`, null, null);
  }
  return { role, claims: check.claims };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = headerValue(req, 'authorization');
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m?.[1]?.trim();
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? null : JSON.parse(text);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | null): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...CORS, ...headers });
  res.end(body ?? undefined);
}
