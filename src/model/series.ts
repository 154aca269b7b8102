/** Numeric series (the report's Tables 1–7, poll results): each point is sourced like a statement. */
import { z } from 'zod';
import { QUALIFIERS, STATEMENT_STATUSES } from './statement.js';

export const CiteSchema = z.strictObject({
  source: z.string().min(1).optional(),
  locator: z.string().min(1).optional(),
});
export type Cite = z.output<typeof CiteSchema>;

export const SeriesPointSchema = z.strictObject({
  /** A year ("2019"), a span ("2015-2024"), or a category label for non-temporal series. */
  period: z.union([z.string().min(1), z.number().int()]).transform(String),
  value: z.number().finite(),
  original: z.string().min(1).optional(),
  qualifier: z.enum(QUALIFIERS).optional(),
  status: z.enum(STATEMENT_STATUSES).optional(),
  note: z.string().min(1).optional(),
  cite: CiteSchema.optional(),
});

export const SeriesSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'series ids are lower-case words joined by "-" or "."'),
  title: z.string().min(1),
  unit: z.string().min(1),
  description: z.string().min(1).optional(),
  /** Free dimensions for grouping, e.g. {table: "2", segment: "launch-reentry", measure: "commercial-funding"}. */
  dimensions: z.record(z.string(), z.string()).optional(),
  cite: CiteSchema.optional(),
  points: z.array(SeriesPointSchema).min(1),
});

export interface Series {
  id: string;
  title: string;
  unit: string;
  description: string | null;
  dimensions: Record<string, string>;
  sourceId: string;
  locator: string | null;
  origin: string;
}

export interface SeriesPoint {
  id: string;
  seriesId: string;
  period: string;
  value: number;
  originalValue: string | null;
  sourceId: string;
  locator: string | null;
  status: (typeof STATEMENT_STATUSES)[number];
  qualifier: (typeof QUALIFIERS)[number] | null;
  note: string | null;
  origin: string;
  firstSeen: string;
  lastSeen: string;
}
