import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { accept, reject, type Validated } from '../hazard/validation.ts';
import { createJurisdictionIndex, type JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions } from '../jurisdiction/match-jurisdictions.ts';
import type { RegionBundle } from '../region/region-bundle.ts';
import { createJurisdictionEdgeIndex, jurisdictionsHolding, type JurisdictionEdgeIndex } from './jurisdiction-edges.ts';
import { DEFAULT_BANK_KM, findReachJurisdictions, type ReachJurisdiction } from './reach-jurisdictions.ts';
import { buildRiverFootprint, DEFAULT_FOOTPRINT_WIDTH_KM, type RiverFootprintProps } from './river-footprint.ts';
import { createRiverNetwork, type RiverNetwork } from './river-network.ts';
import { DEFAULT_SNAP_TOLERANCE_KM, snapToRiver, type SnapReason } from './snap-to-river.ts';
import { traceDownstream, type ReachEnd } from './trace-downstream.ts';
import { computeLeadArrivalHours, computePeakArrivalHoursAlong, computeReachKmAlong, type VelocityLeg } from './travel-time.ts';

/**
 * Mean flow velocities above this are a typing error, not a river (floods on steep rivers reach
 * 5-6 m/s); refusing them keeps an extra digit from shrinking every arrival time tenfold.
 */
export const MAX_VELOCITY_MPS = 10;

/** A region prepared once for any number of spills. */
export interface RiverSpillRegion {
  network: RiverNetwork;
  edges: JurisdictionEdgeIndex;
  jurisdictions: JurisdictionIndex;
}

export function prepareRiverSpillRegion(bundle: Pick<RegionBundle, 'rivers' | 'jurisdictions'>): RiverSpillRegion {
  const jurisdictions = createJurisdictionIndex(bundle.jurisdictions.features);
  return {
    network: createRiverNetwork(bundle.rivers.features),
    edges: createJurisdictionEdgeIndex(bundle.jurisdictions.features, jurisdictions),
    jurisdictions,
  };
}

export interface RiverSpillInput {
  /** Where the spill happened, WGS84 [lon, lat]. */
  spill: readonly number[];
  /** Mean flow velocity of the river(s), m/s. */
  velocityMps: number;
  /** Velocity of particular rivers by id, m/s, where they differ from velocityMps (DESIGN.md: "one value or per reach"). */
  velocityByRiverMps?: Readonly<Record<string, number>>;
  /** Follow the river only as far as the peak travels in this many hours; default: to the network's end. */
  hours?: number;
  /** Default DEFAULT_SNAP_TOLERANCE_KM (5). */
  snapToleranceKm?: number;
  /** Default DEFAULT_BANK_KM (2). 0 means the river line must enter the jurisdiction. */
  bankKm?: number;
  /** Half-width of the footprint, km each side; default DEFAULT_FOOTPRINT_WIDTH_KM (1). */
  footprintWidthKm?: number;
}

export type RiverSpillReason =
  | SnapReason
  | 'velocity-not-positive'
  | 'velocity-out-of-range'
  | 'hours-not-positive'
  | 'bank-km-negative'
  | 'footprint-width-not-positive';

export interface RiverName {
  id: string;
  name_zh: string;
  name_en: string;
}

/** One river of the traced path, with the along-reach km where the path is on it. */
export interface TracedRiver extends RiverName {
  from_km: number;
  to_km: number;
  velocity_mps: number;
}

export interface RiverSpillJurisdiction {
  id: string;
  name_zh: string;
  name_en: string;
  parent_id: string;
  /** origin: holds the spill (leads); affected: downstream on the river or its bank (assists). */
  role: 'origin' | 'affected';
  /** Area of the footprint inside the jurisdiction, km² (matchJurisdictions; slivers count 0). */
  overlap_km2: number;
  /** = arrival_h_peak; 0 for the origin. */
  arrival_h: number;
  /** Along-river km from the spill to the first and the last point where the river is in or beside it. */
  enter_km: number;
  exit_km: number;
  arrival_h_peak: number;
  arrival_h_lead: number;
  /** Every separate stretch of the river in or beside it; more than one when the river leaves and comes back. */
  stretches_km: [number, number][];
  /** True when enter_km and exit_km span a stretch where the river was elsewhere. */
  reenters: boolean;
}

/** The traced reach as drawn: one line downstream from the snapped spill. */
export interface TracedReachProps {
  river_ids: string[];
  length_km: number;
  /** Along-river km from the spill at each vertex of the line. */
  vertex_km: number[];
}

export interface RiverSpillResult {
  /** The river the spill went into. */
  river: RiverName;
  /** Every river the trace follows, downstream order. */
  rivers: TracedRiver[];
  snapped: [number, number];
  /** From the spill point to the river, km. */
  snap_offset_km: number;
  /** Length of the traced reach, km; and why it ends there. */
  reach_km: number;
  reach_end: ReachEnd;
  velocity_mps: number;
  bank_km: number;
  reach: Feature<LineString, TracedReachProps>;
  footprint: Feature<Polygon | MultiPolygon, RiverFootprintProps>;
  /** Origin first, then every jurisdiction on the path in downstream order (by enter_km). */
  jurisdictions: RiverSpillJurisdiction[];
}

/**
 * A spill into a river: snap, trace downstream across confluences, and list every jurisdiction on
 * the path with when the spill reaches it (DESIGN.md section 4, "River spill travel").
 *
 * Only the reach downstream of the snapped position is searched, and a border behind the spill
 * does not count (findReachJurisdictions), so a jurisdiction only upstream of the spill is never on
 * the path. The origin is found as matchJurisdictions finds it, so both name the same one.
 */
export function traceRiverSpill(region: RiverSpillRegion, input: RiverSpillInput): Validated<RiverSpillResult, RiverSpillReason> {
  const { velocityMps } = input;
  for (const v of [velocityMps, ...Object.values(input.velocityByRiverMps ?? {})]) {
    if (!(v > 0)) return reject('velocity-not-positive');
    if (!(v <= MAX_VELOCITY_MPS)) return reject('velocity-out-of-range');
  }
  if (input.hours !== undefined && !(input.hours > 0)) return reject('hours-not-positive');
  const bankKm = input.bankKm ?? DEFAULT_BANK_KM;
  if (!(bankKm >= 0) || !Number.isFinite(bankKm)) return reject('bank-km-negative');
  const widthKm = input.footprintWidthKm ?? DEFAULT_FOOTPRINT_WIDTH_KM;
  if (!(widthKm > 0) || !Number.isFinite(widthKm)) return reject('footprint-width-not-positive');

  const snap = snapToRiver(region.network, input.spill, input.snapToleranceKm ?? DEFAULT_SNAP_TOLERANCE_KM);
  if (!snap.valid) return snap;
  const perRiver = input.velocityByRiverMps ?? {};
  const velocityOf = (riverId: string): number => (Object.hasOwn(perRiver, riverId) ? (perRiver[riverId] as number) : velocityMps);
  // The whole path first: with a velocity per river, how far the spill gets in `hours` depends on
  // which rivers it flows through. Cutting it again at that km retraces a few hundred vertices.
  const whole = traceDownstream(region.network, snap.value);
  const speeds: VelocityLeg[] = whole.legs.map((leg) => ({ startKm: leg.startKm, endKm: leg.endKm, velocityMps: velocityOf(leg.riverId) }));
  const maxKm = input.hours === undefined || !Number.isFinite(input.hours) ? undefined : computeReachKmAlong(speeds, input.hours);
  const reach = maxKm === undefined || maxKm >= whole.lengthKm ? whole : traceDownstream(region.network, snap.value, { maxKm });
  const onPath = findReachJurisdictions(reach, region.edges, bankKm);
  const footprint = buildRiverFootprint(reach, widthKm);
  const source = originSource(region.jurisdictions, [input.spill[0] as number, input.spill[1] as number], snap.value.position);
  const { overlaps, originId } = matchFootprint(footprint, region.jurisdictions, source);

  const hoursTo = (km: number): number => computePeakArrivalHoursAlong(speeds, km);
  const jurisdictions = onPath.map((hit) => toJurisdiction(hit, hit.feature.properties.id === originId, hoursTo, overlaps));
  const origin = region.jurisdictions.features.find((feature) => feature.properties.id === originId);
  if (origin && !onPath.some((hit) => hit.feature.properties.id === originId)) {
    jurisdictions.push(toJurisdiction({ feature: origin, stretchesKm: [], enterKm: 0, exitKm: 0 }, true, hoursTo, overlaps));
  }
  jurisdictions.sort(
    (a, b) =>
      a.enter_km - b.enter_km ||
      (a.role === 'origin' ? -1 : 0) - (b.role === 'origin' ? -1 : 0) ||
      a.exit_km - b.exit_km ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const names = (id: string): RiverName => {
    const props = region.network.rivers.get(id)?.feature.properties;
    return { id, name_zh: props?.name_zh ?? id, name_en: props?.name_en ?? id };
  };
  return accept({
    river: names(snap.value.riverId),
    rivers: reach.legs.map((leg) => ({ ...names(leg.riverId), from_km: leg.startKm, to_km: leg.endKm, velocity_mps: velocityOf(leg.riverId) })),
    snapped: [snap.value.position[0] as number, snap.value.position[1] as number],
    snap_offset_km: snap.value.offsetKm,
    reach_km: reach.lengthKm,
    reach_end: reach.end,
    velocity_mps: velocityMps,
    bank_km: bankKm,
    reach: {
      type: 'Feature',
      properties: { river_ids: reach.legs.map((leg) => leg.riverId), length_km: reach.lengthKm, vertex_km: reach.vertexKm },
      geometry: { type: 'LineString', coordinates: reach.coordinates },
    },
    footprint,
    jurisdictions,
  });
}

function toJurisdiction(
  hit: ReachJurisdiction,
  isOrigin: boolean,
  hoursTo: (km: number) => number,
  overlaps: ReadonlyMap<string, number>,
): RiverSpillJurisdiction {
  const props = hit.feature.properties;
  // The spill starts inside the origin: its warning is immediate wherever its river stretch begins.
  const enterKm = isOrigin ? 0 : hit.enterKm;
  const peak = hoursTo(enterKm);
  return {
    id: props.id,
    name_zh: props.name_zh,
    name_en: props.name_en,
    parent_id: props.parent_id,
    role: isOrigin ? 'origin' : 'affected',
    overlap_km2: overlaps.get(props.id) ?? 0,
    arrival_h: peak,
    enter_km: enterKm,
    exit_km: Math.max(enterKm, hit.exitKm),
    arrival_h_peak: peak,
    arrival_h_lead: computeLeadArrivalHours(peak),
    stretches_km: hit.stretchesKm,
    reenters: hit.stretchesKm.length > 1,
  };
}

/**
 * The point that decides the lead: the spill as reported (the plant, the outfall), or, when it
 * lies outside every jurisdiction of the bundle, the snapped point on the river.
 */
function originSource(index: JurisdictionIndex, spill: Position, snapped: Position): Position | undefined {
  for (const point of [spill, snapped]) {
    if (jurisdictionsHolding(index, point[0] as number, point[1] as number).length > 0) return point;
  }
  return undefined;
}

/**
 * Footprint ∩ jurisdiction areas, km² by id, and the origin, from the shared matcher: the same
 * numbers and the same origin `match` reports for this footprint and source point (including its
 * sliver tolerance, and its rule for a source on a border: the side with the larger overlap).
 */
function matchFootprint(
  footprint: Feature<Polygon | MultiPolygon>,
  index: JurisdictionIndex,
  source: Position | undefined,
): { overlaps: Map<string, number>; originId: string | undefined } {
  const matched = matchJurisdictions(footprint, index, source ? { advisoryKm: 0, sourcePoint: source } : { advisoryKm: 0 });
  return {
    overlaps: new Map(matched.jurisdictions.map((m) => [m.id, m.overlap_km2])),
    originId: matched.jurisdictions.find((m) => m.role === 'origin')?.id,
  };
}
