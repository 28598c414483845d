// PostgREST's error body and its HTTP status, thrown anywhere in request handling and rendered once.
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string | null = null,
    readonly hint: string | null = null,
  ) {
    super(message);
  }

  toBody(): { code: string; message: string; details: string | null; hint: string | null } {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

export const parseError = (message: string, details: string | null = null): RestError =>
  new RestError(400, 'PGRST100', message, details);

interface PgLikeError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

// PostgREST's table from SQLSTATE to HTTP status; 42501 depends on whether the caller is signed in.
export function fromPgError(error: unknown, role: string): RestError {
  const e = error as PgLikeError;
  const code = e.code ?? 'XX000';
  return new RestError(statusFor(code, role), code, e.message, e.detail ?? null, e.hint ?? null);
}

function statusFor(code: string, role: string): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '42883': 404,
    '42P01': 404,
    P0001: 400,
  };
  if (code in exact) return exact[code] as number;
  if (code === '42501') return role === 'anon' ? 401 : 403;
  const prefix = code.slice(0, 2);
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500,
    '3B': 500, '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500,
    P0: 500, XX: 500,
  };
  return byClass[prefix] ?? 400;
}
