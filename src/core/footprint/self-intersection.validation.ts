import type { Position } from 'geojson';
import { findRingContact } from '../geometry/ring-contacts.ts';
import { prepareRing, type PreparedRing } from '../geometry/prepared-ring.ts';
import { pointInShape, shapeFromRings } from '../geometry/prepared-shape.ts';
import { invalid, type Invalid } from './footprint-types.ts';

/**
 * One polygon's rings (cleaned, closed) must not touch or cross each other or themselves, and
 * every hole must lie inside the outer ring and outside the other holes. A contact on a ring that
 * was open in the input is reported as `ring-not-closed`: closing it is what made it cross.
 */
export function validatePolygonRings(rings: readonly Position[][], closedByRepair: readonly boolean[]): Invalid | null {
  const prepared: PreparedRing[] = [];
  for (const ring of rings) {
    const p = prepareRing(ring, true, 8, true);
    if (!p) return invalid('ring-too-short', 'a ring needs 3 distinct positions');
    prepared.push(p);
  }
  const contact = findRingContact(prepared);
  if (contact) {
    const at = `${contact.at[0]}, ${contact.at[1]}`;
    if (closedByRepair[contact.ringA] || closedByRepair[contact.ringB]) {
      return invalid('ring-not-closed', `closing the open ring makes it cross itself near ${at}`);
    }
    return invalid('self-intersection', `edges touch or cross near ${at}`);
  }
  const outer = prepared[0] as PreparedRing;
  const shell = shapeFromRings([outer]);
  for (let h = 1; h < prepared.length; h++) {
    const hole = prepared[h] as PreparedRing;
    const x = hole.xs[0] as number, y = hole.ys[0] as number;
    if (!pointInShape(shell, x, y)) return invalid('hole-outside-shell', `hole ${h} is not inside the outer ring`);
    for (let k = 1; k < prepared.length; k++) {
      if (k !== h && pointInShape(shapeFromRings([prepared[k] as PreparedRing]), x, y)) {
        return invalid('hole-outside-shell', `hole ${h} lies inside hole ${k}`);
      }
    }
  }
  return null;
}
