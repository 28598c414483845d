import { buildGaussianFootprint } from '../../core/hazard/gaussian-footprint.ts';
import { computeArrivalDistanceKm } from '../../core/hazard/plume-arrival.ts';
import { buildWindSector } from '../../core/hazard/sector.ts';
import { parseStabilityCell, type StabilityCell } from '../../core/hazard/stability-class.ts';
import { classifyStability } from '../../core/hazard/stability.ts';
import { computeTravelDistanceKm, computeTravelHours } from '../../core/hazard/wind.ts';
import { matchJurisdictions } from '../../core/jurisdiction/match-jurisdictions.ts';
import { defineCommand, fail, succeed, type CommandResult } from '../command.ts';
import { isRegionContext, loadRegionContext } from '../region-context.ts';
import { isSkyCondition, readSkyFlags, SKY_FLAGS, STABILITY_HINTS, type SkyFlagValues } from '../sky-flags.ts';

const MODELS = ['sector', 'gaussian'] as const;

/** The class from --class, else from the sky flags; required by the Gaussian model only. */
function resolveStability(flags: { class?: string | undefined; 'wind-speed': number } & SkyFlagValues): StabilityCell | CommandResult | undefined {
  const sky = readSkyFlags(flags);
  if (flags.class !== undefined) {
    if (sky !== undefined) return fail('class-and-sky-conflict', 'give --class or a sky condition, not both');
    const cell = parseStabilityCell(flags.class);
    return cell.valid ? cell.value : fail(cell.reason, flags.class);
  }
  if (sky === undefined) return undefined;
  if (!isSkyCondition(sky)) return sky;
  const classified = classifyStability(flags['wind-speed'], sky);
  return classified.valid ? classified.value : fail(classified.reason, STABILITY_HINTS[classified.reason]);
}

export const plumeCommand = defineCommand({
  name: 'plume',
  summary: 'Gas or ash plume footprint downwind of a source, with the jurisdictions it reaches and when',
  flags: {
    region: { type: 'string', required: true, help: 'region id (see `regions`)' },
    lon: { type: 'number', required: true, help: 'source longitude' },
    lat: { type: 'number', required: true, help: 'source latitude' },
    'wind-from': { type: 'number', required: true, help: 'direction the wind blows FROM, degrees' },
    'wind-speed': { type: 'number', required: true, help: 'wind speed, m/s' },
    hours: { type: 'number', required: true, help: 'release duration / time since release, h' },
    model: { type: 'string', help: 'sector (default; ash or gas screening) | gaussian' },
    'half-angle': { type: 'number', help: 'sector: half-angle, degrees (default: from the class σθ)' },
    q: { type: 'number', help: 'gaussian: emission rate, g/s' },
    h: { type: 'number', help: 'gaussian: effective release height, m' },
    loc: { type: 'number', help: 'gaussian: level of concern, g/m³' },
    class: { type: 'string', help: 'stability class A-F or A-B | B-C | C-D (or give a sky condition)' },
    ...SKY_FLAGS,
    'advisory-km': { type: 'number', help: 'advisory buffer around the footprint, km (default 10)' },
  },
  run(flags) {
    const model = flags.model ?? 'sector';
    if (!(MODELS as readonly string[]).includes(model)) return fail('model-unknown', `${model} (expected ${MODELS.join(' | ')})`);
    if ((flags['advisory-km'] ?? 0) < 0) return fail('invalid-advisory-km', 'must be 0 or more');
    const region = loadRegionContext(flags.region);
    if (!isRegionContext(region)) return region;
    const stability = resolveStability(flags);
    if (stability !== undefined && typeof stability !== 'string') return stability;

    const source: [number, number] = [flags.lon, flags.lat];
    const common = { source, windFromDeg: flags['wind-from'], speedMps: flags['wind-speed'] };
    let built;
    if (model === 'sector') {
      built = buildWindSector({
        ...common,
        hours: flags.hours,
        ...(flags['half-angle'] === undefined ? {} : { halfAngleDeg: flags['half-angle'] }),
        ...(stability === undefined ? {} : { stability }),
      });
    } else {
      if (flags.q === undefined || flags.h === undefined || flags.loc === undefined) {
        return fail('gaussian-needs-q-h-loc', 'the gaussian model needs --q, --h and --loc');
      }
      if (stability === undefined) return fail('stability-required', 'the gaussian model needs --class or a sky condition');
      if (!(flags.hours > 0)) return fail('hours-not-positive', String(flags.hours));
      built = buildGaussianFootprint({
        ...common,
        emissionGPerS: flags.q,
        releaseHeightM: flags.h,
        stability,
        levelOfConcernGM3: flags.loc,
        maxDistanceKm: computeTravelDistanceKm(flags['wind-speed'], flags.hours),
      });
    }
    if (!built.valid) return fail(built.reason);
    const footprint = built.value;
    if (!footprint) return succeed({ region: region.bundle.region.id, footprint: null, jurisdictions: [], note: 'no-concentration-above-level' });
    const match = matchJurisdictions(footprint, region.index, {
      sourcePoint: source,
      ...(flags['advisory-km'] === undefined ? {} : { advisoryKm: flags['advisory-km'] }),
    });
    // A source just outside the region (an eruption across the border) still warns the region;
    // a footprint that reaches none of it is bad input.
    if (!match.jurisdictions.some((j) => j.role !== 'advisory')) {
      return fail('outside-region', 'the footprint reaches no jurisdiction of the region');
    }
    const byId = new Map(region.bundle.jurisdictions.features.map((f) => [f.properties.id, f]));
    const jurisdictions = match.jurisdictions.map((j) => {
      if (j.role === 'advisory') return { ...j, arrival_h: null };
      const km = j.role === 'origin' ? 0 : computeArrivalDistanceKm(source, footprint, byId.get(j.id)!);
      return { ...j, arrival_km: km, arrival_h: km === null ? null : computeTravelHours(km, flags['wind-speed']) };
    });
    return succeed({ region: region.bundle.region.id, footprint, footprint_km2: match.footprint_km2, jurisdictions });
  },
});
