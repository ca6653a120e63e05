import { z } from 'zod';

/** A 12-digit statistical division code, or a 15-digit grid code (village code + 3 digits). */
export const regionCode = z.string().regex(/^\d{12}(\d{3})?$/, 'region code: 12 or 15 digits');
export const isoDate = z.iso.date();
export const uuid = z.uuid();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** One field-level problem in a 4xx answer. */
export const fieldIssue = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

/** Keyset page: `nextCursor` is opaque; pass it back as `cursor`. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export const pageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const okBody = z.object({ ok: z.literal(true) });
