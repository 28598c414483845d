/**
 * Region map benchmark (not a test): pipeline build time per region, bundle size raw and gzipped,
 * and the app's first render in Chromium (navigation to the map's first `idle`), each the median
 * of several runs beside a baseline measured in the same run.
 *   npx tsx bench/region-map.bench.ts [--runs 5]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { buildRegion } from '../geodata/build-region.ts';
import { RAW_FILES, rawPath, repoRoot, type RawFileKey } from '../geodata/raw-files.ts';
import { REGION_RECIPES } from '../geodata/regions/index.ts';
import { findChromium, launchChromium } from '../test/helpers/chromium.ts';
import { summarize } from './lib/stats.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function benchPipeline() {
  // Baseline: just parsing the raw files every build reads. The first build of a process pays it.
  const parseMs = summarize(
    Array.from({ length: RUNS }, () =>
      timeMs(() => {
        for (const k of Object.keys(RAW_FILES) as RawFileKey[]) if (!RAW_FILES[k].name.endsWith('.csv')) JSON.parse(readFileSync(rawPath(k), 'utf8'));
      }),
    ),
  ).median;
  const rows = REGION_RECIPES.map((recipe) => {
    let json = '';
    const first = timeMs(() => (json = JSON.stringify(buildRegion(recipe).bundle)));
    const warm = summarize(Array.from({ length: RUNS }, () => timeMs(() => buildRegion(recipe)))).median;
    const raw = Buffer.byteLength(json);
    return { region: recipe.id, first_ms: first, median_ms: warm, ratio_to_parse: warm / parseMs, raw_bytes: raw, gzip_bytes: gzipSync(json).length, brotli_bytes: brotliCompressSync(json).length };
  });
  console.log(`\nPipeline (median of ${RUNS}; baseline: parsing the raw files once = ${fmt(parseMs)})`);
  console.log('region            first build   median   ×parse   raw       gzip      brotli');
  for (const r of rows) {
    console.log(
      `${r.region.padEnd(17)} ${fmt(r.first_ms).padStart(10)} ${fmt(r.median_ms).padStart(8)} ${r.ratio_to_parse.toFixed(2).padStart(7)}  ${kib(r.raw_bytes).padStart(8)} ${kib(r.gzip_bytes).padStart(8)} ${kib(r.brotli_bytes).padStart(8)}`,
    );
  }
  return { parse_baseline_ms: parseMs, regions: rows };
}

async function benchFirstRender() {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.log('\nFirst render: skipped, no Chromium (install Debian package chromium)');
    return null;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'crossrisk-bench-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launchChromium(chromiumPath);
  const result: Record<string, { median_ms: number; p95_ms: number; samples: number[] }> = {};
  try {
    const measure = async (name: string, target: string, ready: string) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        // A fresh context each run: an empty cache, as on a user's first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(target);
        await page.waitForFunction(ready, undefined, { timeout: 120_000 });
        const ms = performance.now() - t0;
        if (i > 0) samples.push(ms); // the first run warms the preview server and Chromium
        await context.close();
      }
      const s = summarize(samples);
      result[name] = { median_ms: s.median, p95_ms: s.p95, samples };
    };
    await measure('baseline: index.html parsed', url, 'document.readyState !== "loading"');
    for (const region of ['henan', 'us-four-corners']) {
      await measure(`first idle: ${region} (zh)`, `${url}?region=${region}`, `document.documentElement.dataset.mapState === 'idle'`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`\nFirst render in headless Chromium (SwiftShader WebGL, empty cache; median of ${RUNS})`);
  const base = result['baseline: index.html parsed']!.median_ms;
  for (const [name, r] of Object.entries(result)) {
    console.log(`${name.padEnd(30)} median ${fmt(r.median_ms).padStart(8)}  p95 ${fmt(r.p95_ms).padStart(8)}  ×baseline ${(r.median_ms / base).toFixed(1)}`);
  }
  return result;
}

const pipeline = benchPipeline();
const firstRender = await benchFirstRender();
const outDir = join(repoRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'region-map.json'), JSON.stringify({ when: new Date().toISOString(), runs: RUNS, pipeline, firstRender }, null, 2));
console.log(`\nwritten bench/results/region-map.json`);
