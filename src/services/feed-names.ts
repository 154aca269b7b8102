/**
 * The catalog feeds' names, in FEEDS order (feeds.ts defines each, typed by FeedName): kept apart so
 * the command line can list them without loading the parsers.
 */
export const FEED_NAMES = ['celestrak-gp', 'celestrak-satcat', 'gcat-launchlog', 'gcat-orgs', 'gcat-sites', 'gcat-lp', 'gcat-platforms', 'gcat-ftocat', 'ucs'] as const;
export type FeedName = (typeof FEED_NAMES)[number];
