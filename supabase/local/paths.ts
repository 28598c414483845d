import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every default path is resolved from this file so the backend behaves the same from any
// working directory (npm scripts, the test runner, a child process).
const here = dirname(fileURLToPath(import.meta.url));
export const SUPABASE_DIR = resolve(here, '..');
export const DEFAULT_DATA_DIR = resolve(SUPABASE_DIR, '.local-data', 'db');
export const DEFAULT_SNAPSHOT_DIR = resolve(SUPABASE_DIR, '.local-data', 'snapshots');
export const DEFAULT_MIGRATIONS_DIR = resolve(SUPABASE_DIR, 'migrations');
export const DEFAULT_SEED_FILE = resolve(SUPABASE_DIR, 'seed.sql');
