import { z } from 'zod';
import type { Db } from '../../platform/db/client';

/**
 * The programmes a person is in, for the person page. Each programme module registers a provider through the
 * registry's public face; until those modules exist the list is empty.
 */
export const programmeView = z.object({
  programme: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  status: z.string(),
  since: z.string().nullable(),
  link: z.string().nullable(),
});
export type ProgrammeView = z.infer<typeof programmeView>;
export type ProgrammeProvider = (db: Db, personId: string) => Promise<ProgrammeView[]>;

const providers: ProgrammeProvider[] = [];

export function registerProgrammeProvider(p: ProgrammeProvider) {
  providers.push(p);
}

export async function programmesOf(db: Db, personId: string): Promise<ProgrammeView[]> {
  return (await Promise.all(providers.map((p) => p(db, personId)))).flat();
}
