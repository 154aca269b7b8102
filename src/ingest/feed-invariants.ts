/**
 * What a feed's file must satisfy before anything is written. Each feed declares its invariants
 * as data (src/ingest/<feed>/invariants.ts); src/ingest/check-feed.ts checks them.
 *
 * - complete: the file ends at a record boundary (`ending`), and its header names the expected table
 *   (`header`: first column, required columns, columns that belong to a sibling table and must be absent);
 * - plausible: against the previous successful ingest of the same feed, at least `minRowShare` of its
 *   row count and `minKeyCoverage` of its keys (`keys`: a store table and column, e.g. launches.id for
 *   launch tags, element_spans.norad_id for NORAD ids). Only this check can be overridden
 *   (`--accept-shrink`);
 * - well-formed values: every parsed number finite and within its declared range, no control
 *   character (NUL, C0 except tab and line breaks, DEL) in any parsed text. A bad value rejects its row
 *   with line and field; the feed fails only when the rejection threshold is crossed.
 */
import type { CatalogTable } from '../model/catalog-rows.js';

export interface HeaderIdentity {
  delimiter: '\t' | ',';
  /** The header's first column: the table's key column. */
  first: string;
  /** Columns the header must have. */
  required: readonly string[];
  /** Columns of a sibling table that this table does not have. */
  absent?: readonly string[];
  /** Some feeds come in several forms; the header is checked only when its first line is this form (GP: the CSV form). */
  appliesTo?: (firstLine: string) => boolean;
}

/** A column of parsed rows whose values tell which table a file is (GCAT sites and launch points share a header). */
export interface RowIdentity {
  field: string;
  values: readonly string[];
  /** At least this share of rows must carry one of the values. */
  minShare: number;
  /** Where the values come from. */
  basis: string;
}

export interface ValueRange {
  /** Property of the parsed row. */
  field: string;
  min: number;
  max: number;
}

/**
 * A date-time that cannot be later than when the file was received: a GP element set is fitted to
 * observations made before it is published. A row whose value is later by more than marginHours is
 * rejected (its line, column and reason), so a download with impossible epochs cannot replace the
 * stored element sets (a same-day download takes an object's element set when its epoch is later).
 */
export interface NotAfterReceipt {
  /** Property of the parsed row, dotted for a nested one ("launchDate.iso"): an ISO UTC date or date-time. */
  field: string;
  /** The file's column, as a rejection names it. */
  column: string;
  marginHours: number;
  basis: string;
}

export interface FeedInvariants {
  /** The end of a complete file (checked on its last characters), or null with the reason it cannot be checked. */
  ending: { pattern: RegExp; description: string } | { pattern: null; reason: string };
  header: HeaderIdentity | null;
  rowIdentity?: RowIdentity;
  ranges?: readonly ValueRange[];
  notAfterReceipt?: NotAfterReceipt;
  previous: {
    /** Accepted rows must be at least this share of the previous successful ingest's. */
    minRowShare: number;
    /** This share of the previous ingest's keys must still be present. */
    minKeyCoverage: number;
    /**
     * Where the keys are: a table the feed writes (its rows stamped last_seen by each ingest) and its key
     * column; `mapped`: the mapped table holding the next file's keys, when it is not the stored one
     * (GP: snapshot members, stored as element_spans).
     */
    keys: { table: CatalogTable | 'element_spans'; column: string; mapped?: CatalogTable };
  };
}

/** Why a file is refused. Only 'shrink' can be accepted by an operator. */
export type RefusalCheck = 'download' | 'size' | 'encoding' | 'complete' | 'identity' | 'format' | 'values' | 'shrink' | 'rules' | 'store';

export interface Refusal {
  check: RefusalCheck;
  reason: string;
}

/** A file whose last line ends with a newline (LF or CRLF). */
export const ENDS_WITH_NEWLINE = { pattern: /\n$/, description: 'a newline after the last record' } as const;

/** Default plausibility: the previous ingest's rows and keys, at least 90% of each. */
export const NINETY_PERCENT = 0.9;
