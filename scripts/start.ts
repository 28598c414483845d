/**
 * `npm start`: builds the region bundles if they are stale, starts the embedded local backend
 * (Supabase's Auth, REST and Realtime on 127.0.0.1:54321, data kept in supabase/.local-data/)
 * and serves the app with Vite on http://127.0.0.1:5173. Everything stays on this machine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';
import { repoRoot } from '../geodata/raw-files.ts';
import { startLocalBackend } from '../supabase/local/index.ts';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const geodata = spawnSync(tsx, [join(repoRoot, 'geodata', 'build-regions.ts')], { stdio: 'inherit' });
if (geodata.status !== 0) process.exit(geodata.status ?? 1);

console.log('Local backend: for development and demos only, NOT FOR PRODUCTION (public demo keys).');
const backend = await startLocalBackend({ port: 54321, log: (line) => console.log(`backend: ${line}`) });
console.log(`API URL: ${backend.url}`);
console.log(`anon key: ${backend.anonKey}`);
console.log(`service_role key: ${backend.serviceRoleKey}`);

const server = await createServer({ root: repoRoot, server: { host: '127.0.0.1', port: 5173 } });
await server.listen();
server.printUrls();
console.log('ready');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await backend.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
