/**
 * The catalog feeds' names, in FEEDS order (feeds.ts defines each, typed by FeedName), and each feed's
 * size limit: kept apart so the command line can list and document them without loading the parsers.
 */
export const FEED_NAMES = ['celestrak-gp', 'celestrak-satcat', 'gcat-launchlog', 'gcat-orgs', 'gcat-sites', 'gcat-lp', 'gcat-platforms', 'gcat-ftocat', 'ucs'] as const;
export type FeedName = (typeof FEED_NAMES)[number];

const MIB = 1024 * 1024;

/**
 * The most bytes a feed's file or download may hold (after any Content-Encoding is undone); a larger one
 * is refused as it is read, so a runaway or hostile source cannot exhaust memory. Each is several times
 * the real file. Uncompressed sizes of the bundled snapshots (data/snapshots): GP active 2.4 MB as CSV,
 * 2.6 MB as TLE (about 16,000 objects); launch log 3.6 MB; UCS 2.7 MB; orgs 0.7 MB; launch points
 * 0.36 MB; sites 0.12 MB; platforms 0.05 MB. The full SATCAT (about 67,000 rows of about 90 bytes) is
 * about 6 MB and the full FTOCAT under 2 MB; their bundled files are excerpts.
 */
export const FEED_MAX_BYTES: Record<FeedName, number> = {
  'celestrak-gp': 32 * MIB, // 12x the 2.6 MB TLE file: room for the megaconstellations to grow
  'celestrak-satcat': 64 * MIB, // 10x the ~6 MB full catalog
  'gcat-launchlog': 32 * MIB, // 9x 3.6 MB
  'gcat-orgs': 16 * MIB, // 23x 0.7 MB
  'gcat-sites': 8 * MIB, // 60x 0.12 MB
  'gcat-lp': 8 * MIB, // 22x 0.36 MB
  'gcat-platforms': 8 * MIB, // 160x 0.05 MB
  'gcat-ftocat': 16 * MIB, // 8x a ~2 MB full catalog
  ucs: 32 * MIB, // 12x 2.7 MB (frozen since 2023)
};

/** A byte count as the limits are written: whole MiB when it is one, else bytes. */
export function formatBytes(n: number): string {
  return n % MIB === 0 ? `${n / MIB} MiB` : `${n} bytes`;
}

/** Every feed's limit, for the command's help and docs/cli.md. */
export function describeFeedLimits(): string {
  return FEED_NAMES.map((name) => `${name} ${formatBytes(FEED_MAX_BYTES[name])}`).join(', ');
}
