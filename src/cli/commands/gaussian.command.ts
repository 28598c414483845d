import { computeGroundConcentration, validatePlumeRelease, validateReceptor } from '../../core/hazard/gaussian-plume.ts';
import { parseStabilityCell } from '../../core/hazard/stability-class.ts';
import { defineCommand, fail, succeed } from '../command.ts';

export const gaussianCommand = defineCommand({
  name: 'gaussian',
  summary: 'Gaussian plume ground-level concentration at one receptor',
  flags: {
    q: { type: 'number', required: true, help: 'emission rate, g/s' },
    u: { type: 'number', required: true, help: 'wind speed, m/s' },
    h: { type: 'number', required: true, help: 'effective release height, m' },
    class: { type: 'string', required: true, help: 'stability class A-F, or a two-letter cell A-B | B-C | C-D' },
    'x-km': { type: 'number', required: true, help: 'downwind distance, km (0 < x <= 100)' },
    'y-m': { type: 'number', help: 'crosswind distance from the plume axis, m (default 0)' },
  },
  run(flags) {
    const cell = parseStabilityCell(flags.class);
    if (!cell.valid) return fail(cell.reason, flags.class);
    const release = validatePlumeRelease({
      emissionGPerS: flags.q,
      speedMps: flags.u,
      releaseHeightM: flags.h,
      stability: cell.value,
    });
    if (!release.valid) return fail(release.reason);
    const receptor = validateReceptor(flags['x-km'], flags['y-m'] ?? 0);
    if (!receptor.valid) return fail(receptor.reason);

    const { concentrationGM3, sigmaYM, sigmaZM } = computeGroundConcentration(
      release.value,
      receptor.value.downwindKm,
      receptor.value.crosswindM,
    );
    return succeed({ concentration_g_m3: concentrationGM3, sigma_y_m: sigmaYM, sigma_z_m: sigmaZM });
  },
});
