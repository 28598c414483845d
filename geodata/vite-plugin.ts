import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { buildDir } from './raw-files.ts';

/** URL prefix under which the app fetches region bundles. */
export const REGIONS_URL_PREFIX = '/regions/';

function bundleFiles(): string[] {
  if (!existsSync(join(buildDir, 'regions.json'))) {
    throw new Error(`No region bundles in ${buildDir}: run \`npm run geodata\` first (npm start and npm test do it for you).`);
  }
  return readdirSync(buildDir).filter((f) => f.endsWith('.json') && f !== 'manifest.json');
}

/**
 * Serves the built region bundles at /regions/<file> in dev and preview, and copies them into
 * the production build, so the bundles stay outside src/ and the repository.
 */
export function serveRegionBundles(): Plugin {
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(REGIONS_URL_PREFIX)) return next();
    const name = url.slice(REGIONS_URL_PREFIX.length);
    if (!/^[a-z0-9-]+\.json$/.test(name) || !bundleFiles().includes(name)) {
      res.statusCode = 404;
      res.end('unknown region bundle');
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(join(buildDir, name)));
  };
  return {
    name: 'crossrisk-region-bundles',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      for (const name of bundleFiles()) {
        this.emitFile({ type: 'asset', fileName: `regions/${name}`, source: readFileSync(join(buildDir, name)) });
      }
    },
  };
}
