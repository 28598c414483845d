import { accept, reject, type Validated } from './validation.ts';

export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Pasquill-Gifford class: A very unstable … D neutral … F moderately stable. */
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

/**
 * A cell of Pasquill's table. The table has three two-letter cells ("A-B", "B-C", "C-D") meaning
 * "between these two classes"; they are kept as such rather than rounded to one class, because
 * the table's own rule is to average the two classes' σ values.
 */
export type StabilityCell = StabilityClass | 'A-B' | 'B-C' | 'C-D';

const TWO_LETTER_CELLS: Record<string, [StabilityClass, StabilityClass]> = {
  'A-B': ['A', 'B'],
  'B-C': ['B', 'C'],
  'C-D': ['C', 'D'],
};

/**
 * Horizontal wind-direction spread σθ by class (NOAA READY), used for the sector model's
 * half-angle when the user gives none.
 */
const SIGMA_THETA_DEG: Record<StabilityClass, number> = { A: 25, B: 20, C: 15, D: 10, E: 5, F: 2.5 };

export function isStabilityClass(text: string): text is StabilityClass {
  return (STABILITY_CLASSES as readonly string[]).includes(text);
}

/** Reads "A".."F" or a two-letter cell; lower case is accepted because people type it. */
export function parseStabilityCell(text: string): Validated<StabilityCell, 'stability-class-unknown'> {
  const upper = text.trim().toUpperCase();
  if (isStabilityClass(upper)) return accept(upper);
  if (upper in TWO_LETTER_CELLS) return accept(upper as StabilityCell);
  return reject('stability-class-unknown');
}

/** The one or two classes a cell stands for. */
export function splitStabilityCell(cell: StabilityCell): readonly StabilityClass[] {
  if (isStabilityClass(cell)) return [cell];
  const pair = TWO_LETTER_CELLS[cell];
  if (!pair) throw new RangeError(`not a stability cell: ${String(cell)}`);
  return pair;
}

/** Averages a per-class quantity over a cell: the table's rule for two-letter cells. */
export function averageOverCell(cell: StabilityCell, valueOf: (stabilityClass: StabilityClass) => number): number {
  const classes = splitStabilityCell(cell);
  let sum = 0;
  for (const stabilityClass of classes) sum += valueOf(stabilityClass);
  return sum / classes.length;
}

/**
 * σθ for a cell, degrees. A two-letter cell takes the mean of its two classes, by analogy with
 * the table's σ rule (σθ is what σy grows from).
 */
export function getSigmaThetaDeg(cell: StabilityCell): number {
  return averageOverCell(cell, (stabilityClass) => SIGMA_THETA_DEG[stabilityClass]);
}
