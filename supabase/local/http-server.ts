import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AuthError } from './auth/auth-error.ts';
import { handleAuth, type AuthContext } from './auth/auth-handler.ts';
import { tokenIdentity } from './identity.ts';
import { verifyJwt, type JwtClaims } from './jwt.ts';
import { isAllowedHost, isAllowedOrigin } from './loopback.ts';
import { RestError } from './rest/rest-error.ts';
import { handleRest, type RestContext } from './rest/rest-handler.ts';

export interface HttpContext {
  auth: AuthContext;
  rest: RestContext;
  jwtSecret: string;
  anonKey: string;
  switchableRoles: Set<string>;
  /** Started with allowNonLoopback: any Host and Origin may reach it. */
  allowNonLoopback?: boolean;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

// Browsers reach the backend from the Vite dev server on another port, so answers carry CORS
// headers naming the caller's origin when it is a loopback one; other origins are refused.
const CORS: Record<string, string> = {
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type, accept, accept-profile, content-profile, prefer, range, range-unit, x-supabase-api-version, x-region',
  'access-control-expose-headers': 'content-range, content-location, x-total-count, link, x-supabase-api-version',
  'access-control-max-age': '86400',
  vary: 'Origin',
};

class PayloadTooLarge extends Error {}

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
  const origin = headerValue(req, 'origin');
  if (!ctx.allowNonLoopback && (!isAllowedOrigin(origin) || !isAllowedHost(headerValue(req, 'host')))) {
    return send(res, 403, { 'content-type': 'application/json' }, JSON.stringify({ message: 'this local backend answers only this machine (loopback Host and Origin)' }));
  }
  if (origin !== undefined) res.setHeader('access-control-allow-origin', origin);
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
    let tokenError: AuthError | null = null;
    if (token) {
      const check = verifyJwt(token, ctx.jwtSecret);
      if (check.ok) claims = check.claims;
      else {
        tokenError = check.reason === 'expired'
          ? new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired')
          : new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, signature is invalid');
      }
    }
    const body = await readJson(req).catch((error: unknown) => {
      if (error instanceof PayloadTooLarge) throw new AuthError(413, 'request_too_large', 'Request body too large');
      throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
    });
    const out = await handleAuth(ctx.auth, { method, path: url.pathname.slice('/auth/v1'.length) || '/', query: url.searchParams, body, claims, tokenError });
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
      body = await readJson(req).catch((error: unknown) => {
        if (error instanceof PayloadTooLarge) throw new RestError(413, 'PGRST102', 'Request body too large', null, null);
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
  const identity = tokenIdentity(token, ctx.jwtSecret, ctx.switchableRoles);
  if (identity.ok) return { role: identity.role, claims: identity.claims };
  if (identity.reason === 'expired') throw new RestError(401, 'PGRST303', 'JWT expired', null, null);
  if (identity.reason === 'role') throw new RestError(401, 'PGRST301', `role "${identity.role ?? ''}" does not exist or cannot be assumed`, null, null);
  throw new RestError(401, 'PGRST301', identity.reason === 'signature' ? 'JWSError JWSInvalidSignature' : 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)', null, null);
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

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets the 413.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new PayloadTooLarge('body too large'));
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text.trim() === '' ? null : JSON.parse(text));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | null): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...CORS, ...(status === 413 ? { connection: 'close' } : {}), ...headers });
  res.end(body ?? undefined);
}
