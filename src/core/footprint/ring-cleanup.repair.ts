import type { Position } from 'geojson';
import { invalid, type Invalid } from './footprint-types.ts';

export interface CleanRing {
  ring: Position[];
  closed: boolean;
  duplicatesRemoved: number;
}

/**
 * Removes consecutive duplicate positions and closes an open ring by repeating its first position.
 * A ring with fewer than 3 distinct positions is refused: `ring-not-closed` when it was also open
 * (there is nothing to close), `ring-too-short` otherwise.
 */
export function cleanRing(input: readonly Position[]): CleanRing | Invalid {
  const ring: Position[] = [];
  let duplicatesRemoved = 0;
  for (const p of input) {
    const last = ring[ring.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) {
      duplicatesRemoved++;
      continue;
    }
    ring.push([p[0] as number, p[1] as number]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  const open = !first || !last || ring.length < 2 || first[0] !== last[0] || first[1] !== last[1];
  const distinct = open ? ring.length : ring.length - 1;
  if (distinct < 3) {
    return open
      ? invalid('ring-not-closed', `an open ring of ${distinct} distinct positions cannot be closed into an area`)
      : invalid('ring-too-short', `a ring needs 3 distinct positions, found ${distinct}`);
  }
  if (open) ring.push([(first as Position)[0] as number, (first as Position)[1] as number]);
  return { ring, closed: open, duplicatesRemoved };
}
