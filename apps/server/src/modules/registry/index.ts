import { grantPermissions } from '../../platform/access/catalogue';
import { registerRegionColumn } from '../../platform/regions/recode-registry';
import { registerEncryptedColumn } from '../../platform/crypto/registry';
import { registryRoutes } from './routes';

/**
 * The registry of persons and households: the public face other modules use. One person is one person across
 * every programme (dibao, tekun, subsidies, elderly care, checkpoints).
 */
registerRegionColumn('person', 'hukou_region_code');
registerRegionColumn('person', 'residence_region_code');
registerRegionColumn('household', 'region_code');
registerEncryptedColumn('person', 'id_number_enc', 'id_number_index');
registerEncryptedColumn('person', 'phone_enc', 'phone_index');

const STAFF = [
  'person.read',
  'person.write',
  'household.write',
  'person.reveal',
  'person.import',
  'person.export',
];
grantPermissions('city_staff', [...STAFF, 'person.merge']);
grantPermissions('county_staff', [...STAFF, 'person.merge']);
grantPermissions('township_staff', STAFF);
// Village workers collect and keep data; seeing full ID numbers is left to township staff and above.
grantPermissions('village_worker', ['person.read', 'person.write', 'household.write']);

export { registryRoutes };
export { registryExcelRoutes } from './excel-routes';
export { registerProgrammeProvider, type ProgrammeView } from './programmes';
export { derivedColumns } from './service';
export { seedPopulation, PopulationNotEmptyError, type SeedOptions, type SeedResult } from './population';
