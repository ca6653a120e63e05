/** The synthetic population of Baoji (`minzheng seed population`), for demos, tests and benchmarks. */
export {
  seedPopulation,
  loadVillages,
  PopulationNotEmptyError,
  type SeedOptions,
  type SeedResult,
} from './load';
export {
  PopulationGenerator,
  isUrban,
  type Village,
  type PersonRecord,
  type HouseholdRecord,
  type MemberRecord,
  type PopulationChunk,
} from './generate';
export { RowEncoder, encodeChunk, PERSON_COLUMNS, HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } from './encode';
export { BAOJI_POPULATION, POPULATION_AS_OF } from './tables';
