/** A source record (after OWID's "origins"): what was cited, by whom, where to find it, under what licence. */
import { z } from 'zod';
import { parsePartialDate, parseUrl } from './value-types.js';

export const SOURCE_KINDS = ['report', 'reference', 'article', 'dataset', 'web', 'curation'] as const;

const partialDate = z.unknown().transform((raw, ctx) => {
  const p = parsePartialDate(raw);
  if (!p.ok) { ctx.addIssue({ code: 'custom', message: p.reason }); return z.NEVER; }
  return p.value;
});
const url = z.unknown().transform((raw, ctx) => {
  const p = parseUrl(raw);
  if (!p.ok) { ctx.addIssue({ code: 'custom', message: p.reason }); return z.NEVER; }
  return p.value;
});

export const SOURCE_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export const SourceSchema = z.strictObject({
  id: z.string().regex(SOURCE_ID, 'source ids are lower-case words joined by "-" or "."'),
  kind: z.enum(SOURCE_KINDS),
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  authors: z.array(z.string().min(1)).optional(),
  url: url.optional(),
  published: partialDate.optional(),
  accessed: partialDate.optional(),
  licence: z.string().min(1).optional(),
  /** A seed document's file name, for sources shipped in ../shared/seeds. */
  file: z.string().min(1).optional(),
  /** The report a numbered reference belongs to. */
  partOf: z.string().regex(SOURCE_ID).optional(),
  referenceNumber: z.string().regex(/^\d{3}$/, 'reference numbers have three digits, e.g. "042"').optional(),
  citation: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});

export type Source = z.output<typeof SourceSchema>;
