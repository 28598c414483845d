/**
 * `npm start`: builds the region bundles if they are stale, then serves the app with Vite on
 * http://127.0.0.1:5173. Everything stays on this machine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';
import { repoRoot } from '../geodata/raw-files.ts';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const geodata = spawnSync(tsx, [join(repoRoot, 'geodata', 'build-regions.ts')], { stdio: 'inherit' });
if (geodata.status !== 0) process.exit(geodata.status ?? 1);

const server = await createServer({ root: repoRoot, server: { host: '127.0.0.1', port: 5173 } });
await server.listen();
server.printUrls();

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
