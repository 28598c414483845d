import { INSOLATIONS, type Insolation, type SkyCondition } from '../core/hazard/stability.ts';
import { fail, type CommandResult } from './command.ts';

/** The sky flags shared by `stability` and `plume`. */
export const SKY_FLAGS = {
  insolation: { type: 'string', help: 'day: strong | moderate | slight' },
  'night-cloud-eighths': { type: 'number', help: 'night: cloud cover in eighths, 0-8 (8 counts as overcast)' },
  overcast: { type: 'boolean', help: 'overcast sky, day or night (class D)' },
} as const;

export interface SkyFlagValues {
  insolation?: string | undefined;
  'night-cloud-eighths'?: number | undefined;
  overcast?: boolean | undefined;
}

/** Exactly one sky condition, or the reason why not; `undefined` when none was given. */
export function readSkyFlags(flags: SkyFlagValues): SkyCondition | CommandResult | undefined {
  const skies: SkyCondition[] = [];
  if (flags.insolation !== undefined) {
    if (!(INSOLATIONS as readonly string[]).includes(flags.insolation)) {
      return fail('insolation-unknown', `${flags.insolation} (expected ${INSOLATIONS.join(' | ')})`);
    }
    skies.push({ period: 'day', insolation: flags.insolation as Insolation });
  }
  if (flags['night-cloud-eighths'] !== undefined) skies.push({ period: 'night', cloudEighths: flags['night-cloud-eighths'] });
  if (flags.overcast) skies.push({ period: 'overcast' });
  if (skies.length > 1) return fail('sky-conditions-conflict', 'give only one of --insolation, --night-cloud-eighths, --overcast');
  return skies[0];
}

export function isSkyCondition(v: SkyCondition | CommandResult | undefined): v is SkyCondition {
  return v !== undefined && 'period' in v;
}

export const STABILITY_HINTS: Partial<Record<string, string>> = {
  'night-calm-undefined':
    "Pasquill's table has no class for night with wind below 2 m/s; choose one explicitly (F is the usual choice) and say so",
  'night-cloud-out-of-range': 'cloud cover is given in eighths, 0 to 8',
  'night-cloud-not-integer': 'cloud cover is given in whole eighths, 0 to 8',
  'wind-speed-negative': 'wind speed cannot be negative',
};
