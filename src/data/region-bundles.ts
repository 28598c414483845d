import type { RegionBundle, RegionIndexEntry } from '../core/region/region-bundle.ts';
import { REGION_BUNDLE_FORMAT } from '../core/region/region-bundle.ts';

const BASE = `${import.meta.env.BASE_URL}regions/`;

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function fetchRegionIndex(): Promise<RegionIndexEntry[]> {
  return (await fetchJson<{ regions: RegionIndexEntry[] }>(`${BASE}regions.json`)).regions;
}

export async function fetchRegionBundle(id: string): Promise<RegionBundle> {
  const bundle = await fetchJson<RegionBundle>(`${BASE}${encodeURIComponent(id)}.json`);
  if (bundle.format !== REGION_BUNDLE_FORMAT) throw new Error(`${id}: bundle format ${bundle.format}, expected ${REGION_BUNDLE_FORMAT}`);
  return bundle;
}
