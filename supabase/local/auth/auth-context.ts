import type { PGlite } from '@electric-sql/pglite';
import type { AuthContext } from './auth-handler.ts';

export function createAuthContext(
  db: PGlite,
  settings: { jwtSecret: string; jwtExpirySeconds: number; bcryptCost: number; issuer: string },
): AuthContext {
  return {
    db,
    bcryptCost: settings.bcryptCost,
    tokens: { jwtSecret: settings.jwtSecret, jwtExpirySeconds: settings.jwtExpirySeconds, issuer: settings.issuer },
  };
}
