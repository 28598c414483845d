import { distance } from '@turf/distance';
import type { Position } from 'geojson';
import { interpolateAtKm } from '../geometry/interpolate-at-km.ts';
import type { PreparedRiver, RiverNetwork } from './river-network.ts';
import type { RiverSnap } from './snap-to-river.ts';

/** One river's part of a traced reach. */
export interface ReachLeg {
  riverId: string;
  /** Along this river from its own upstream start, km: where the reach joins and leaves it. */
  riverFromKm: number;
  riverToKm: number;
  /** Along the reach from the spill, km. */
  startKm: number;
  endKm: number;
}

/** Why the trace stopped. */
export type ReachEnd = 'distance-limit' | 'river-end' | 'network-loop';

/** The river path downstream of a spill, as one line with the running distance at every vertex. */
export interface TracedReach {
  /** Downstream order, starting at the snapped spill position. At least two positions. */
  coordinates: Position[];
  /** Along-reach km from the spill at each vertex (geodesic, Turf's formula): 0, ..., lengthKm. */
  vertexKm: number[];
  lengthKm: number;
  legs: ReachLeg[];
  end: ReachEnd;
}

export interface TraceOptions {
  /** Stop this many km downstream of the spill (e.g. hours × velocity); default: follow the network to its end. */
  maxKm?: number;
}

/**
 * Follows the river downstream from a snapped spill, across confluences: at the end of a river with
 * an `outlet`, the trace continues on the receiving river from `at_km`. Where the tributary's last
 * vertex and the receiving river's point at `at_km` differ (up to a few hundred metres in the
 * bundles; 7 km where the Huai reaches the Yangtze through the Grand Canal), the connecting segment
 * is part of the reach and of its running km: the water has to cross it too.
 *
 * The running km is the geodesic length of the emitted line itself, so `@turf/length` of the
 * reach equals `lengthKm` and every position along it can be found from its km.
 */
export function traceDownstream(network: RiverNetwork, snap: RiverSnap, options: TraceOptions = {}): TracedReach {
  const maxKm = options.maxKm ?? Infinity;
  const coordinates: Position[] = [[...snap.position]];
  const vertexKm: number[] = [0];
  const legs: ReachLeg[] = [];
  let runningKm = 0;
  let end: ReachEnd = 'river-end';

  /** Appends a position; false when the distance limit cut the reach at it. */
  const advanceTo = (position: Position): boolean => {
    const from = coordinates[coordinates.length - 1] as Position;
    const stepKm = distance(from, position, { units: 'kilometers' });
    if (stepKm === 0) return true;
    if (runningKm + stepKm >= maxKm) {
      const t = (maxKm - runningKm) / stepKm;
      const [x0, y0] = from as [number, number];
      const [x1, y1] = position as [number, number];
      if (t > 0) {
        coordinates.push([x0 + t * (x1 - x0), y0 + t * (y1 - y0)]);
        runningKm = maxKm;
        vertexKm.push(runningKm);
      }
      end = 'distance-limit';
      return false;
    }
    coordinates.push([...position]);
    runningKm += stepKm;
    vertexKm.push(runningKm);
    return true;
  };

  let river: PreparedRiver | undefined = network.rivers.get(snap.riverId);
  let fromKm = snap.riverKm;
  // A confluence connector belongs to the leg of the river it leads into.
  let legStartKm = 0;
  const visited = new Set<string>();
  while (river) {
    const riverId = river.feature.properties.id;
    visited.add(riverId);
    const leg: ReachLeg = { riverId, riverFromKm: fromKm, riverToKm: fromKm, startKm: legStartKm, endKm: runningKm };
    legs.push(leg);
    const { nextVertex } = interpolateAtKm(river.coordinates, river.vertexKm, fromKm);
    let stopped = false;
    for (let i = nextVertex; i < river.coordinates.length; i += 1) {
      const kmBefore = runningKm;
      stopped = !advanceTo(river.coordinates[i] as Position);
      leg.endKm = runningKm;
      leg.riverToKm = Math.min(river.lengthKm, leg.riverToKm + (runningKm - kmBefore));
      if (stopped) break;
    }
    if (stopped) break;
    leg.riverToKm = river.lengthKm;

    const outlet = river.feature.properties.outlet;
    const receiving = outlet ? network.rivers.get(outlet.river_id) : undefined;
    if (!outlet || !receiving) break;
    if (visited.has(receiving.feature.properties.id)) {
      end = 'network-loop';
      break;
    }
    fromKm = Math.min(Math.max(outlet.at_km, 0), receiving.lengthKm);
    legStartKm = runningKm;
    if (!advanceTo(interpolateAtKm(receiving.coordinates, receiving.vertexKm, fromKm).position)) break;
    river = receiving;
  }

  // A spill at the mouth of a river that flows nowhere else still needs a line to buffer and report.
  if (coordinates.length === 1) {
    coordinates.push([...(coordinates[0] as Position)]);
    vertexKm.push(0);
  }
  return { coordinates, vertexKm, lengthKm: runningKm, legs: legs.filter((l) => l.endKm > l.startKm || legs.length === 1), end };
}
