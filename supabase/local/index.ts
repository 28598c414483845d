// The programmatic entry: the app's start script and the test suites start the backend in-process.
export { startLocalBackend, type LocalBackend, type LocalBackendOptions } from './start-local-backend.ts';
export { DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from './demo-keys.ts';
export { signJwt, verifyJwt } from './jwt.ts';
