import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so the pipeline runs from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where built bundles go (git-ignored). */
export const buildDir = process.env.CROSSRISK_GEODATA_BUILD ?? join(repoRoot, 'geodata', 'build');

/**
 * The raw public data lives outside the repository (it is large and has its own licences).
 * CROSSRISK_RAW_DIR overrides the default of ../shared/geodata/raw beside the clone.
 */
export function resolveRawDir(): string {
  return process.env.CROSSRISK_RAW_DIR ?? resolve(repoRoot, '..', 'shared', 'geodata', 'raw');
}

export interface RawFile {
  name: string;
  what: string;
  url: string;
}

const NE_GEOJSON = 'https://github.com/martynafford/natural-earth-geojson/raw/master/10m';

export const RAW_FILES = {
  cnAtlas: {
    name: 'cn-atlas.json',
    what: 'China prefectures and provinces (TopoJSON, cn-atlas 0.1.2 of the CTAmap 2023 boundaries)',
    url: 'https://unpkg.com/cn-atlas@0.1.2/cn-atlas.json (source: https://github.com/ruiduobao/shengshixian.com)',
  },
  rivers: {
    name: 'ne_10m_rivers_lake_centerlines.json',
    what: 'Natural Earth 1:10m rivers and lake centrelines',
    url: `${NE_GEOJSON}/physical/ne_10m_rivers_lake_centerlines.json`,
  },
  riversNorthAmerica: {
    name: 'ne_10m_rivers_north_america.json',
    what: 'Natural Earth 1:10m rivers, North America supplement',
    url: `${NE_GEOJSON}/physical/ne_10m_rivers_north_america.json`,
  },
  lakes: {
    name: 'ne_10m_lakes.json',
    what: 'Natural Earth 1:10m lakes and reservoirs',
    url: `${NE_GEOJSON}/physical/ne_10m_lakes.json`,
  },
  countries: {
    name: 'ne_50m_admin_0_countries.json',
    what: 'Natural Earth 1:50m countries',
    url: 'https://github.com/martynafford/natural-earth-geojson/raw/master/50m/cultural/ne_50m_admin_0_countries.json',
  },
  powerPlants: {
    name: 'wri_gppd_china.csv',
    what: 'WRI Global Power Plant Database, China file (CC BY 4.0)',
    url: 'https://datasets.wri.org/dataset/globalpowerplantdatabase (China source file)',
  },
  volcanoes: {
    name: 'volcanoes_noaa.geojson',
    what: 'NOAA NCEI / Smithsonian volcano locations as GeoJSON points',
    url: 'https://www.ngdc.noaa.gov/hazel/view/hazards/volcano/loc-search (export as GeoJSON)',
  },
} as const satisfies Record<string, RawFile>;

export type RawFileKey = keyof typeof RAW_FILES;

export class MissingRawDataError extends Error {
  constructor(
    readonly rawDir: string,
    readonly missing: RawFile[],
  ) {
    super(
      [
        `Raw geodata missing in ${rawDir} (set CROSSRISK_RAW_DIR to another folder if it lives elsewhere):`,
        ...missing.map((f) => `  - ${f.name}: ${f.what}\n    download: ${f.url}`),
      ].join('\n'),
    );
    this.name = 'MissingRawDataError';
  }
}

/** Stops with one message naming every missing file and where to get it, not at the first. */
export function assertRawFilesPresent(keys: readonly RawFileKey[], rawDir = resolveRawDir()): void {
  const missing = keys.map((k) => RAW_FILES[k]).filter((f) => !existsSync(join(rawDir, f.name)));
  if (missing.length > 0) throw new MissingRawDataError(rawDir, missing);
}

export function rawPath(key: RawFileKey, rawDir = resolveRawDir()): string {
  return join(rawDir, RAW_FILES[key].name);
}
