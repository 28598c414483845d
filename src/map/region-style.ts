import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { JurisdictionProps, RegionBundle } from '../core/region/region-bundle.ts';
import type { Language } from '../ui/i18n/messages.ts';

/** The CJK web font shipped through npm (@fontsource/noto-sans-sc); MapLibre draws labels with it. */
export const LABEL_FONT = 'Noto Sans SC';

export const LAYER_IDS = {
  jurisdictionFill: 'jurisdictions-fill',
  jurisdictionLine: 'jurisdictions-line',
  jurisdictionLabel: 'jurisdictions-label',
  riverLine: 'rivers-line',
  riverLabel: 'rivers-label',
  lakeFill: 'lakes-fill',
  sourceCircle: 'sources-circle',
  volcanoLabel: 'volcanoes-label',
} as const;

/** Layers whose text follows the UI language. */
export const LABEL_LAYERS = [LAYER_IDS.jurisdictionLabel, LAYER_IDS.riverLabel, LAYER_IDS.volcanoLabel] as const;

export function nameExpression(language: Language): ExpressionSpecification {
  const [first, second] = language === 'zh' ? ['name_zh', 'name_en'] : ['name_en', 'name_zh'];
  return ['coalesce', ['get', first], ['get', second], ''];
}

export function jurisdictionLabelPoints(bundle: RegionBundle): FeatureCollection<Point, JurisdictionProps> {
  return {
    type: 'FeatureCollection',
    features: bundle.jurisdictions.features.map(
      (f): Feature<Point, JurisdictionProps> => ({
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'Point', coordinates: f.properties.label_point },
      }),
    ),
  };
}

const WATER = '#a9cbe8';
const WATER_LINE = '#3f83c4';
const FUEL_COLOURS: ExpressionSpecification = [
  'match', ['get', 'fuel'],
  'Coal', '#4b4b4b',
  'Hydro', '#2f7ed8',
  'Gas', '#e59b2e',
  'Nuclear', '#8e44ad',
  'Wind', '#27ae60',
  'Solar', '#f1c40f',
  '#7f8c8d',
];

/**
 * The whole map as one offline style: every source is inline GeoJSON from the region bundle, there
 * is no tile server and no glyph server (labels are drawn from the CSS font), so nothing is
 * requested from outside the app.
 */
export function buildRegionStyle(bundle: RegionBundle, language: Language): StyleSpecification {
  const name = nameExpression(language);
  return {
    version: 8,
    name: `CrossRisk ${bundle.region.id}`,
    sources: {
      countries: { type: 'geojson', data: bundle.context.countries },
      provinces: { type: 'geojson', data: bundle.context.provinces },
      jurisdictions: { type: 'geojson', data: bundle.jurisdictions, promoteId: 'id' },
      'jurisdiction-labels': { type: 'geojson', data: jurisdictionLabelPoints(bundle) },
      rivers: { type: 'geojson', data: bundle.rivers },
      lakes: { type: 'geojson', data: bundle.lakes },
      sources: { type: 'geojson', data: bundle.sources },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d6e6f2' } },
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': '#eeeae0' } },
      {
        id: LAYER_IDS.jurisdictionFill,
        type: 'fill',
        source: 'jurisdictions',
        paint: {
          'fill-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false], '#f6c667',
            ['boolean', ['feature-state', 'hover'], false], '#fbe3a6',
            ['get', 'core'], '#fffaf0',
            '#f3efe6',
          ],
        },
      },
      { id: LAYER_IDS.lakeFill, type: 'fill', source: 'lakes', paint: { 'fill-color': WATER, 'fill-outline-color': WATER_LINE } },
      {
        id: LAYER_IDS.riverLine,
        type: 'line',
        source: 'rivers',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': WATER_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 9, 3] },
      },
      {
        id: LAYER_IDS.jurisdictionLine,
        type: 'line',
        source: 'jurisdictions',
        paint: { 'line-color': '#8c7a5b', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.5] },
      },
      {
        id: 'provinces-line',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': '#6b5b45', 'line-width': 1.6, 'line-dasharray': [3, 2] },
      },
      { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#4a4a4a', 'line-width': 1.8 } },
      {
        id: LAYER_IDS.sourceCircle,
        type: 'circle',
        source: 'sources',
        paint: {
          'circle-radius': ['case', ['==', ['get', 'kind'], 'volcano'], 6, ['interpolate', ['linear'], ['coalesce', ['get', 'capacity_mw'], 0], 0, 2, 3000, 6]],
          'circle-color': ['case', ['==', ['get', 'kind'], 'volcano'], '#c0392b', FUEL_COLOURS],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.8,
          'circle-opacity': 0.85,
        },
      },
      {
        id: LAYER_IDS.riverLabel,
        type: 'symbol',
        source: 'rivers',
        layout: {
          'symbol-placement': 'line',
          'text-field': name,
          'text-font': [LABEL_FONT],
          'text-size': 12,
          // Natural Earth rivers wiggle at regional zooms; the default 45° leaves most unlabelled.
          'text-max-angle': 70,
          'symbol-spacing': 200,
        },
        paint: { 'text-color': '#1d5f9c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: LAYER_IDS.jurisdictionLabel,
        type: 'symbol',
        source: 'jurisdiction-labels',
        layout: {
          'text-field': name,
          'text-font': [LABEL_FONT],
          'text-size': ['case', ['get', 'core'], 13, 11],
          'text-max-width': 8,
        },
        paint: { 'text-color': ['case', ['get', 'core'], '#2b2118', '#6d6253'], 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
      {
        id: LAYER_IDS.volcanoLabel,
        type: 'symbol',
        source: 'sources',
        filter: ['==', ['get', 'kind'], 'volcano'],
        layout: { 'text-field': name, 'text-font': [LABEL_FONT], 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
        paint: { 'text-color': '#922b21', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}
