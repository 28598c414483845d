import { classifyStability, INSOLATIONS, type Insolation, type SkyCondition } from '../../core/hazard/stability.ts';
import { defineCommand, fail, succeed } from '../command.ts';

export const stabilityCommand = defineCommand({
  name: 'stability',
  summary: 'Pasquill-Gifford stability class from wind speed and sky',
  flags: {
    'wind-speed': { type: 'number', required: true, help: 'wind speed at 10 m, m/s' },
    insolation: { type: 'string', help: 'day: strong | moderate | slight' },
    'night-cloud-eighths': { type: 'number', help: 'night: cloud cover in eighths, 0-8 (8 counts as overcast)' },
    overcast: { type: 'boolean', help: 'overcast sky, day or night (class D)' },
  },
  run(flags) {
    const skies: SkyCondition[] = [];
    if (flags.insolation !== undefined) {
      if (!(INSOLATIONS as readonly string[]).includes(flags.insolation)) {
        return fail('insolation-unknown', `${flags.insolation} (expected ${INSOLATIONS.join(' | ')})`);
      }
      skies.push({ period: 'day', insolation: flags.insolation as Insolation });
    }
    if (flags['night-cloud-eighths'] !== undefined) skies.push({ period: 'night', cloudEighths: flags['night-cloud-eighths'] });
    if (flags.overcast) skies.push({ period: 'overcast' });

    const [sky, ...others] = skies;
    if (!sky) return fail('sky-condition-required', 'give one of --insolation, --night-cloud-eighths, --overcast');
    if (others.length > 0) return fail('sky-conditions-conflict', 'give only one of --insolation, --night-cloud-eighths, --overcast');

    const classified = classifyStability(flags['wind-speed'], sky);
    if (!classified.valid) return fail(classified.reason, HINTS[classified.reason]);
    return succeed({ class: classified.value });
  },
});

const HINTS: Partial<Record<string, string>> = {
  'night-calm-undefined':
    "Pasquill's table has no class for night with wind below 2 m/s; choose one explicitly (F is the usual choice) and say so",
  'night-cloud-out-of-range': 'cloud cover is given in eighths, 0 to 8',
  'night-cloud-not-integer': 'cloud cover is given in whole eighths, 0 to 8',
  'wind-speed-negative': 'wind speed cannot be negative',
};
