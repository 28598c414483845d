import type { Feature } from 'geojson';
import { describe, expect, test } from 'vitest';
import { validateFootprint } from '../../../../src/core/footprint/validate-footprint.ts';
import type { FootprintOptions } from '../../../../src/core/footprint/footprint-types.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';

/**
 * in/<case>.json: { "input": <anything a user might send>, "options": FootprintOptions }.
 * out/<case>.geojson: a FeatureCollection with the input (when it is GeoJSON) and the normalised
 * footprint, plus the validation result (reason or repairs) as a foreign member.
 */
interface ValidationCase {
  input: unknown;
  options?: FootprintOptions;
}

function inputFeatures(input: unknown): Feature[] {
  if (!input || typeof input !== 'object') return [];
  const v = input as { type?: string; features?: unknown[] };
  const mark = (f: Feature): Feature => ({ ...f, properties: { ...(f.properties ?? {}), role: 'input', stroke: '#888' } });
  if (v.type === 'FeatureCollection' && Array.isArray(v.features)) return (v.features as Feature[]).map(mark);
  if (v.type === 'Feature') return [mark(v as Feature)];
  if (typeof v.type === 'string' && 'coordinates' in v) return [mark({ type: 'Feature', properties: {}, geometry: v as Feature['geometry'] })];
  return [];
}

describe('validateFootprint golden fixtures', () => {
  for (const c of listFixtureCases('validate-footprint')) {
    test(c.name, () => {
      const { input, options } = c.input as ValidationCase;
      const result = validateFootprint(input, options);
      const features = inputFeatures(input);
      if (result.valid) features.push({ ...result.footprint, properties: { ...result.footprint.properties, role: 'footprint', fill: '#d33' } });
      const actual = roundNumbers({
        type: 'FeatureCollection',
        result: result.valid ? { valid: true, repairs: result.repairs } : { valid: false, reason: result.reason },
        input: features.length ? undefined : input,
        features,
      });
      const clean = JSON.parse(JSON.stringify(actual)) as unknown;
      expect(clean).toEqual(readExpected(c, clean));
    });
  }
});
