import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startLocalBackend, type LocalBackend, type LocalBackendOptions } from '../../../supabase/local/index.ts';

// Each test file starts one backend on a free port over a throwaway data folder, with the test
// schema from fixtures/ (not the product schema), and talks to it only through supabase-js.
const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_MIGRATIONS = resolve(here, 'fixtures', 'migrations');
export const FIXTURE_SEED = resolve(here, 'fixtures', 'seed.sql');

export interface TestBackend {
  backend: LocalBackend;
  dataDir: string;
  client(key?: string): SupabaseClient;
  /** A confirmed user with a profile row, signed in on a fresh client. */
  signedInUser(email: string, password?: string): Promise<{ client: SupabaseClient; userId: string }>;
  stop(): Promise<void>;
}

export async function startTestBackend(options: LocalBackendOptions = {}): Promise<TestBackend> {
  const root = await mkdtemp(join(tmpdir(), 'crossrisk-backend-test-'));
  const dataDir = join(root, 'db');
  const backend = await startLocalBackend({
    port: 0,
    dataDir,
    migrationsDir: FIXTURE_MIGRATIONS,
    seedFile: FIXTURE_SEED,
    bcryptCost: 4,
    ...options,
  });
  const clients: SupabaseClient[] = [];
  const client = (key = backend.anonKey): SupabaseClient => {
    const c = createClient(backend.url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: WebSocket as never, heartbeatIntervalMs: 5_000 },
    });
    clients.push(c);
    return c;
  };
  const admin = client(backend.serviceRoleKey);
  return {
    backend,
    dataDir,
    client,
    async signedInUser(email, password = 'correct horse battery') {
      const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
      if (created.error || !created.data.user) throw new Error(`createUser failed: ${created.error?.message}`);
      const userId = created.data.user.id;
      const c = client();
      const signIn = await c.auth.signInWithPassword({ email, password });
      if (signIn.error) throw new Error(`sign-in failed: ${signIn.error.message}`);
      const profile = await c.from('profiles').insert({ id: userId, display_name: email.split('@')[0] });
      if (profile.error) throw new Error(`profile failed: ${profile.error.message}`);
      return { client: c, userId };
    },
    async stop() {
      for (const c of clients) await c.removeAllChannels();
      await backend.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Resolves when `predicate` holds; a generous bound turns a lost message into a clear failure. */
export async function waitFor(predicate: () => boolean, what: string, boundMs = 15_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
