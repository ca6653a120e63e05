import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, version } from '../../platform/db/columns';

/**
 * One row per person across every programme. The ID number and phone are stored encrypted, with a blind
 * index for exact look-up and a masked copy for lists; the plain values exist only in memory.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_index').unique(),
    idNumberMasked: text('id_number_masked'),
    noIdReason: text('no_id_reason'),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    sortKey: text('sort_key').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity').notNull().default('01'),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    phoneMasked: text('phone_masked'),
    hukouRegionCode: text('hukou_region_code').notNull(),
    residenceRegionCode: text('residence_region_code'),
    livingStatus: text('living_status').notNull().default('alive'),
    deathDate: date('death_date'),
    deathSource: text('death_source'),
    disabilityCategory: text('disability_category'),
    disabilityGrade: integer('disability_grade'),
    seriousIllness: boolean('serious_illness').notNull().default(false),
    labourCapacity: text('labour_capacity').notNull().default('unknown'),
    /** Set when this record was merged into another (the survivor); merged records leave every list. */
    mergedInto: uuid('merged_into'),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('person_hukou_idx').on(t.hukouRegionCode),
    index('person_pinyin_idx').on(t.namePinyin),
    index('person_name_idx').on(t.name),
    index('person_birth_idx').on(t.birthDate, t.name),
  ],
);

export const household = pgTable(
  'household',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    headPersonId: uuid('head_person_id')
      .notNull()
      .references(() => person.id),
    address: text('address').notNull(),
    regionCode: text('region_code').notNull(),
    urbanRural: text('urban_rural').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [index('household_region_idx').on(t.regionCode)],
);

/** Membership with its history: a member who leaves keeps the row with `left_on`; rejoining adds a row. */
export const householdMember = pgTable(
  'household_member',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    joinedOn: date('joined_on').notNull(),
    relation: text('relation').notNull(),
    joinReason: text('join_reason'),
    leftOn: date('left_on'),
    leaveReason: text('leave_reason'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.personId, t.joinedOn] }),
    index('household_member_person_idx').on(t.personId),
  ],
);
