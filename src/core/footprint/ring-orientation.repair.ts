import type { Position } from 'geojson';
import { ringSum } from '../geometry/lonlat-area.ts';

/**
 * RFC 7946 winding: outer rings counter-clockwise, holes clockwise. Returns the ring in that
 * winding (reversed copy if needed) and whether it had to be reversed.
 */
export function orientRing(ring: Position[], outer: boolean): { ring: Position[]; rewound: boolean } {
  const sum = ringSum(ring);
  if (sum === 0 || sum > 0 === outer) return { ring, rewound: false };
  return { ring: [...ring].reverse(), rewound: true };
}
