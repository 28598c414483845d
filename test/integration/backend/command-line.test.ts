import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../../supabase/local/index.ts';
import { FIXTURE_MIGRATIONS, FIXTURE_SEED, waitFor } from './test-backend.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const children: ChildProcess[] = [];
const roots: string[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

function runBackend(args: string[]): { child: ChildProcess; output: () => string } {
  // The same entry `npm run backend` runs, started through Node so the test can signal it directly.
  const child = spawn(process.execPath, ['--import', 'tsx', 'supabase/local/main.ts', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

describe('npm run backend', () => {
  it('prints the banner and ready, serves requests, and stops on SIGTERM', async () => {
    const root = await mkdtemp(join(tmpdir(), 'crossrisk-cli-'));
    roots.push(root);
    const { child, output } = runBackend(['--port', '0', '--data-dir', join(root, 'db'), '--migrations-dir', FIXTURE_MIGRATIONS, '--seed-file', FIXTURE_SEED]);
    await waitFor(() => /^ready$/m.test(output()) || child.exitCode !== null, 'ready', 90_000);
    const text = output();
    expect(text).toMatch(/NOT FOR PRODUCTION/);
    expect(text).toContain(`anon key: ${DEMO_ANON_KEY}`);
    expect(text).toContain(`service_role key: ${DEMO_SERVICE_ROLE_KEY}`);
    const url = /^API URL: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(text)?.[1];
    expect(url).toBeDefined();
    const health = await fetch(`${url}/auth/v1/health`);
    expect(health.status).toBe(200);
    const client = createClient(url as string, DEMO_ANON_KEY, { auth: { persistSession: false }, realtime: { transport: WebSocket as never } });
    const projects = await client.from('projects').select('name').order('id');
    expect(projects.data?.map((p) => p.name)).toEqual(['levee', 'bridge', 'empty']);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A cold start without a cached snapshot may take most of the 90 s allowed for ready.
  }, 150_000);

  it('refuses a non-loopback host unless explicitly allowed', async () => {
    const { child, output } = runBackend(['--host', '0.0.0.0', '--port', '0']);
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(output()).toMatch(/refusing to listen on 0\.0\.0\.0/);
  });
});
