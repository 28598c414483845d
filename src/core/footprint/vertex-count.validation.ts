import { invalid, type Invalid } from './footprint-types.ts';

/** Refuses footprints above the vertex limit (drawing tools and uploads are capped, so is this). */
export function validateVertexCount(count: number, maxVertices: number): Invalid | null {
  return count > maxVertices ? invalid('too-many-vertices', `${count} vertices, limit ${maxVertices}`) : null;
}
