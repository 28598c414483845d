import { assessPlume, type PlumeModelInput } from '../../core/hazard/assess-plume.ts';
import { parseStabilityCell, type StabilityCell } from '../../core/hazard/stability-class.ts';
import { classifyStability } from '../../core/hazard/stability.ts';
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

    if (model === 'gaussian' && (flags.q === undefined || flags.h === undefined || flags.loc === undefined)) {
      return fail('gaussian-needs-q-h-loc', 'the gaussian model needs --q, --h and --loc');
    }
    const common = {
      source: [flags.lon, flags.lat] as [number, number],
      windFromDeg: flags['wind-from'],
      speedMps: flags['wind-speed'],
      hours: flags.hours,
      ...(stability === undefined ? {} : { stability }),
      ...(flags['advisory-km'] === undefined ? {} : { advisoryKm: flags['advisory-km'] }),
    };
    const input: PlumeModelInput =
      model === 'sector'
        ? { ...common, model: 'sector', ...(flags['half-angle'] === undefined ? {} : { halfAngleDeg: flags['half-angle'] }) }
        : { ...common, model: 'gaussian', emissionGPerS: flags.q!, releaseHeightM: flags.h!, levelOfConcernGM3: flags.loc! };
    const byId = new Map(region.bundle.jurisdictions.features.map((f) => [f.properties.id, f]));
    const assessed = assessPlume(input, region.index, byId);
    if (!assessed.valid) return fail(assessed.reason);
    const { footprint, footprint_km2, jurisdictions } = assessed.value;
    if (!footprint) return succeed({ region: region.bundle.region.id, footprint: null, jurisdictions: [], note: 'no-concentration-above-level' });
    return succeed({ region: region.bundle.region.id, footprint, footprint_km2, jurisdictions });
  },
});
