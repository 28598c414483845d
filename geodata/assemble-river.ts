import distance from '@turf/distance';
import type { Position } from 'geojson';
import type { Bbox } from '../src/core/region/region-bundle.ts';
import { riverLinesOf } from './load/natural-earth-rivers.ts';
import type { RiverRecipe } from './recipe.ts';

/** Parts further apart than this are not the same river (lake centrelines leave ~1 km gaps). */
const MAX_GAP_KM = 15;
/** The recipe's upstream point must lie this close to an end of one of the parts. */
const MAX_UPSTREAM_OFFSET_KM = 10;

export interface AssembledRiver {
  coordinates: Position[];
  /** Parts of the listed features the chain did not reach (stray fragments), for the build log. */
  unusedParts: number;
}

const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });

/**
 * Chains a river's Natural Earth parts into one line running downstream: start at the part end
 * nearest the recipe's upstream point, then repeatedly take the nearest free part end, reversing
 * the part when its far end is the one that touches.
 */
export function assembleRiver(recipe: RiverRecipe): AssembledRiver {
  const parts = recipe.parts.flatMap(riverLinesOf).filter((p) => p.length >= 2);
  if (parts.length === 0) throw new Error(`river ${recipe.id}: no Natural Earth lines for ${JSON.stringify(recipe.parts)}`);

  const used = new Set<number>();
  const nearestEnd = (to: Position) => {
    let best = { index: -1, reversed: false, km: Infinity };
    parts.forEach((p, i) => {
      if (used.has(i)) return;
      const dStart = km(to, p[0]!);
      const dEnd = km(to, p[p.length - 1]!);
      if (dStart < best.km) best = { index: i, reversed: false, km: dStart };
      if (dEnd < best.km) best = { index: i, reversed: true, km: dEnd };
    });
    return best;
  };

  const first = nearestEnd(recipe.upstream);
  if (first.km > MAX_UPSTREAM_OFFSET_KM) {
    throw new Error(`river ${recipe.id}: upstream point is ${first.km.toFixed(1)} km from every part end`);
  }
  const line: Position[] = [...(recipe.extendUpstream ?? [])];
  let next = first;
  let chained = 0;
  while (next.index >= 0 && (chained === 0 || next.km <= MAX_GAP_KM)) {
    chained++;
    used.add(next.index);
    const part = parts[next.index]!;
    const oriented = next.reversed ? [...part].reverse() : part;
    const last = line[line.length - 1];
    const startAt = last && km(last, oriented[0]!) < 1e-6 ? 1 : 0;
    for (let i = startAt; i < oriented.length; i++) line.push(oriented[i]!);
    next = nearestEnd(line[line.length - 1]!);
  }
  for (const p of recipe.extendDownstream ?? []) line.push(p);
  return { coordinates: line, unusedParts: parts.length - used.size };
}

function inside(p: Position, b: Bbox): boolean {
  return p[0]! >= b[0] && p[0]! <= b[2] && p[1]! >= b[1] && p[1]! <= b[3];
}

export interface ClippedRiver {
  coordinates: Position[];
  /** True when the line was cut short at the downstream end (the river leaves the region). */
  cutDownstream: boolean;
}

/**
 * Keeps the stretch from the first to the last vertex inside the box, plus one vertex beyond each
 * end so the line reaches the box edge. A river that leaves and re-enters stays one line, so
 * along-river distances stay true.
 */
export function clipRiverToBbox(coordinates: Position[], bbox: Bbox): ClippedRiver | null {
  const first = coordinates.findIndex((p) => inside(p, bbox));
  if (first < 0) return null;
  let last = coordinates.length - 1;
  while (!inside(coordinates[last]!, bbox)) last--;
  const from = Math.max(0, first - 1);
  const to = Math.min(coordinates.length - 1, last + 1);
  return { coordinates: coordinates.slice(from, to + 1), cutDownstream: to < coordinates.length - 1 };
}
