import { computeDispersion, validateDownwindKm } from '../../core/hazard/dispersion.ts';
import { parseStabilityCell } from '../../core/hazard/stability-class.ts';
import { defineCommand, fail, succeed } from '../command.ts';

export const dispersionCommand = defineCommand({
  name: 'dispersion',
  summary: 'Pasquill-Gifford sigma-y and sigma-z at a downwind distance',
  flags: {
    class: { type: 'string', required: true, help: 'stability class A-F, or a two-letter cell A-B | B-C | C-D' },
    'x-km': { type: 'number', required: true, help: 'downwind distance, km (0 < x <= 100)' },
  },
  run(flags) {
    const cell = parseStabilityCell(flags.class);
    if (!cell.valid) return fail(cell.reason, flags.class);
    const distance = validateDownwindKm(flags['x-km']);
    if (!distance.valid) return fail(distance.reason, `--x-km ${flags['x-km']}`);
    const { sigmaYM, sigmaZM } = computeDispersion(cell.value, distance.value);
    return succeed({ sigma_y_m: sigmaYM, sigma_z_m: sigmaZM });
  },
});
