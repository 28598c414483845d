import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ContextProps, JurisdictionProps } from '../../src/core/region/region-bundle.ts';

export type CandidateJurisdiction = Feature<Polygon | MultiPolygon, Omit<JurisdictionProps, 'core' | 'label_point'>>;

/** All jurisdictions of one country's source topology, before a recipe picks its region. */
export interface JurisdictionSource {
  features: CandidateJurisdiction[];
  /** neighbourIndices[i]: indices of features sharing an arc with feature i. */
  neighbourIndices: number[][];
  /** Provinces or states, simplified: drawn for context, never matched against. */
  parents: FeatureCollection<Polygon | MultiPolygon, ContextProps>;
}
