import { parseArgs } from 'node:util';
import { startLocalBackend } from './start-local-backend.ts';

// `npm run backend [-- --reset] [--port N] [--host H] [--allow-non-loopback]`
// (--data-dir, --migrations-dir, --seed-file and --snapshot-dir exist for tests and benchmarks)
const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: '54321' },
    host: { type: 'string', default: '127.0.0.1' },
    'allow-non-loopback': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'migrations-dir': { type: 'string' },
    'seed-file': { type: 'string' },
    'snapshot-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

console.log('CrossRisk local backend: Supabase-compatible Auth, REST and Realtime on an embedded database.');
console.log('For development, demos and tests only. NOT FOR PRODUCTION: it uses the public demo keys.');

try {
  const backend = await startLocalBackend({
    port,
    host: values.host,
    allowNonLoopback: values['allow-non-loopback'],
    reset: values.reset,
    dataDir: values['data-dir'],
    migrationsDir: values['migrations-dir'],
    seedFile: values['seed-file'],
    snapshotDir: values['snapshot-dir'],
    log: (line) => console.log(line),
  });
  console.log(`API URL: ${backend.url}`);
  console.log(`anon key: ${backend.anonKey}`);
  console.log(`service_role key: ${backend.serviceRoleKey}`);
  console.log(`started in ${Math.round(backend.timings.totalMs)} ms${backend.timings.fromSnapshot ? ' (from snapshot)' : ''}`);
  console.log('ready');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    backend.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
