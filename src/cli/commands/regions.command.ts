import { listRegionIds, readRegionBundle } from '../../../geodata/read-bundle.ts';
import { defineCommand, succeed } from '../command.ts';

export const regionsCommand = defineCommand({
  name: 'regions',
  summary: 'the regions this build knows, with their number of jurisdictions',
  flags: {},
  run() {
    // The bundles themselves, not regions.json: the count is of what the other commands will use.
    const regions = listRegionIds().map((id) => {
      const { region, jurisdictions } = readRegionBundle(id);
      return { id: region.id, name_zh: region.name_zh, name_en: region.name_en, jurisdictions: jurisdictions.features.length };
    });
    return succeed({ regions });
  },
});
