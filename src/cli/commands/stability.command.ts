import { classifyStability } from '../../core/hazard/stability.ts';
import { defineCommand, fail, succeed } from '../command.ts';
import { isSkyCondition, readSkyFlags, SKY_FLAGS, STABILITY_HINTS } from '../sky-flags.ts';

export const stabilityCommand = defineCommand({
  name: 'stability',
  summary: 'Pasquill-Gifford stability class from wind speed and sky',
  flags: {
    'wind-speed': { type: 'number', required: true, help: 'wind speed at 10 m, m/s' },
    ...SKY_FLAGS,
  },
  run(flags) {
    const sky = readSkyFlags(flags);
    if (sky === undefined) return fail('sky-condition-required', 'give one of --insolation, --night-cloud-eighths, --overcast');
    if (!isSkyCondition(sky)) return sky;
    const classified = classifyStability(flags['wind-speed'], sky);
    if (!classified.valid) return fail(classified.reason, STABILITY_HINTS[classified.reason]);
    return succeed({ class: classified.value });
  },
});
