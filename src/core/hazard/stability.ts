import type { StabilityCell } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';

export const INSOLATIONS = ['strong', 'moderate', 'slight'] as const;
export type Insolation = (typeof INSOLATIONS)[number];

/**
 * What the sky is doing. `overcast` covers day and night alike: the table's note assigns D to an
 * overcast sky whatever the wind, and also to the hour before and after night (the caller passes
 * `overcast`, or chooses D, for that hour).
 */
export type SkyCondition =
  | { period: 'day'; insolation: Insolation }
  | { period: 'night'; cloudEighths: number }
  | { period: 'overcast' };

export type StabilityReason =
  | 'wind-speed-not-finite'
  | 'wind-speed-negative'
  | 'insolation-unknown'
  | 'night-cloud-not-integer'
  | 'night-cloud-out-of-range'
  | 'night-calm-undefined';

type Column = Insolation | 'night-cloudy' | 'night-clear';

/**
 * Pasquill's table (Boubel et al., Fundamentals of Air Pollution, 3rd ed., Table 19-3), one row per
 * wind-speed bin. `null` is the table's empty cell: night with wind below 2 m/s.
 */
const TABLE: readonly { belowMps: number; cells: Record<Column, StabilityCell | null> }[] = [
  { belowMps: 2, cells: { strong: 'A', moderate: 'A-B', slight: 'B', 'night-cloudy': null, 'night-clear': null } },
  { belowMps: 3, cells: { strong: 'A-B', moderate: 'B', slight: 'C', 'night-cloudy': 'E', 'night-clear': 'F' } },
  { belowMps: 5, cells: { strong: 'B', moderate: 'B-C', slight: 'C', 'night-cloudy': 'D', 'night-clear': 'E' } },
  { belowMps: 6, cells: { strong: 'C', moderate: 'C-D', slight: 'D', 'night-cloudy': 'D', 'night-clear': 'D' } },
  { belowMps: Infinity, cells: { strong: 'C', moderate: 'D', slight: 'D', 'night-cloudy': 'D', 'night-clear': 'D' } },
];

/**
 * Eighths of cloud from which the night counts as "thin overcast or ≥ 4/8 low cloud"; 8/8 is a
 * full overcast and takes the overcast rule (D), as meteorological practice calls 8 oktas overcast.
 */
const CLOUDY_NIGHT_FROM_EIGHTHS = 4;
const OVERCAST_EIGHTHS = 8;

/**
 * Pasquill-Gifford class from the 10 m wind speed and the sky.
 *
 * Wind-speed bins are half-open, [lower, upper): the table's first row is "< 2" (so exactly 2 m/s
 * is not in it) and the same reading is applied to every boundary, so a speed exactly on a
 * boundary belongs to the windier row: 2 → "2–3", 3 → "3–5", 5 → "5–6", 6 → "> 6".
 *
 * The night cell below 2 m/s is empty in the table; rather than guess (F is the usual choice),
 * this returns `night-calm-undefined` so the caller asks the user or picks a class and says so.
 */
export function classifyStability(speedMps: number, sky: SkyCondition): Validated<StabilityCell, StabilityReason> {
  if (!Number.isFinite(speedMps)) return reject('wind-speed-not-finite');
  if (speedMps < 0) return reject('wind-speed-negative');

  const column = selectColumn(sky);
  if (!column.valid) return column;
  if (column.value === 'overcast') return accept('D');

  const row = TABLE.find((candidate) => speedMps < candidate.belowMps);
  if (!row) throw new Error(`no table row for ${speedMps} m/s`);
  const cell = row.cells[column.value];
  return cell === null ? reject('night-calm-undefined') : accept(cell);
}

function selectColumn(sky: SkyCondition): Validated<Column | 'overcast', StabilityReason> {
  switch (sky.period) {
    case 'overcast':
      return accept('overcast');
    case 'day':
      return (INSOLATIONS as readonly string[]).includes(sky.insolation)
        ? accept(sky.insolation)
        : reject('insolation-unknown');
    case 'night': {
      const eighths = sky.cloudEighths;
      if (!Number.isInteger(eighths)) return reject('night-cloud-not-integer');
      if (eighths < 0 || eighths > OVERCAST_EIGHTHS) return reject('night-cloud-out-of-range');
      if (eighths === OVERCAST_EIGHTHS) return accept('overcast');
      return accept(eighths >= CLOUDY_NIGHT_FROM_EIGHTHS ? 'night-cloudy' : 'night-clear');
    }
  }
}
