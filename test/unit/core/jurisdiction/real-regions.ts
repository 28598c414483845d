import { createJurisdictionIndex, type JurisdictionIndex } from '../../../../src/core/jurisdiction/jurisdiction-index.ts';
import { loadChinaPrefectures, loadUsCounties } from '../../../helpers/raw-geodata.ts';

export type Dataset = 'cn' | 'us';

const indexes = new Map<Dataset, JurisdictionIndex>();

/** The index over a real dataset, built on first use (decoding and indexing take ~0.2 s). */
export function realIndex(dataset: Dataset): JurisdictionIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = createJurisdictionIndex(dataset === 'cn' ? loadChinaPrefectures() : loadUsCounties());
    indexes.set(dataset, index);
  }
  return index;
}
