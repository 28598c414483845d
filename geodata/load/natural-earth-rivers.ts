import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import type { RiverPartSource } from '../recipe.ts';
import { readRawJson } from './read-raw.ts';

export interface NaturalEarthRiverProps {
  name: string | null;
  rivernum: number;
  featurecla: string;
}
type RiverCollection = FeatureCollection<LineString | MultiLineString | null, NaturalEarthRiverProps>;

export interface NamedRiverLine {
  file: RiverPartSource['file'];
  rivernum: number;
  name: string | null;
  featurecla: string;
  lines: Position[][];
}

function toLines(g: LineString | MultiLineString): Position[][] {
  return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
}

let cached: NamedRiverLine[] | undefined;

/** Every river line in both files; features without geometry (there is one) are dropped. */
export function loadNaturalEarthRivers(): NamedRiverLine[] {
  if (cached) return cached;
  const files: [RiverPartSource['file'], RiverCollection][] = [
    ['centerlines', readRawJson<RiverCollection>('rivers')],
    ['northAmerica', readRawJson<RiverCollection>('riversNorthAmerica')],
  ];
  cached = files.flatMap(([file, fc]) =>
    fc.features
      .filter((f) => f.geometry !== null)
      .map((f) => ({
        file,
        rivernum: f.properties.rivernum,
        name: f.properties.name,
        featurecla: f.properties.featurecla,
        lines: toLines(f.geometry!),
      })),
  );
  return cached;
}

export function riverLinesOf(source: RiverPartSource): Position[][] {
  return loadNaturalEarthRivers()
    .filter((r) => r.file === source.file && r.rivernum === source.rivernum)
    .flatMap((r) => r.lines);
}
