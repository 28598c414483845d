import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../helpers/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    chromiumPath: string;
  }
}

/**
 * Builds the production bundle once and serves it with `vite preview` on a free loopback port:
 * the tests see what users get, including the MapLibre worker set-up that only breaks in builds.
 */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message = 'NO CHROMIUM FOUND (install Debian package `chromium` or set CHROMIUM_PATH): end-to-end tests SKIPPED';
    if (process.env.CI) throw new Error(`${message} — not allowed under CI`);
    console.warn(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}\n`);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'crossrisk-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('appUrl', url);
  project.provide('chromiumPath', chromiumPath ?? '');
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
