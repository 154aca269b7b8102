/**
 * Changes in the world (a launch, a decay, an agreement signed, a goal met, a value that changed),
 * each with two dates: when it happened in the world (the date its source gives) and when this
 * store first recorded it. The definitions below are shown to the user (API, CSV, dashboard).
 */

export const WORLD_CHANGE_TYPES = [
  'launch', 'reached-orbit', 'decay', 'agreement-signed', 'membership-joined', 'agreement-ended',
  'milestone', 'goal-status', 'value-changed', 'left-catalog-on-reentry-watch', 'close-approach', 'maneuver',
] as const;
export type WorldChangeType = (typeof WORLD_CHANGE_TYPES)[number];

/** What each change type is, and which date is its world date. */
export const WORLD_CHANGE_DEFINITIONS: Record<WorldChangeType, string> = {
  'launch': 'An orbital or deep-space launch attempt in the GCAT launch log, on its launch date (UTC), with its outcome; '
    + 'after the launch log ends, failed launches from the GCAT failed-to-orbit catalog (one per launch tag, on its launch date). '
    + 'Country = the launch vehicle\'s state (GCAT LVState).',
  'reached-orbit': 'A payload (SATCAT object type PAY) in the CelesTrak SATCAT, on its launch date. Country = the SATCAT owner.',
  'decay': 'An object (any type) whose SATCAT decay date is set, on that date. Country = the SATCAT owner.',
  'agreement-signed': 'A curated Agreement (other than a membership) on its "Signed or joined" date; an agreement no source dates is not listed '
    + '(the Agreements table lists every one).',
  'membership-joined': 'A curated Agreement of kind membership on its "Signed or joined" date; a membership no source dates is not listed, '
    + 'so an empty window does not mean nobody joined (the Agreements table and the reach map list every member).',
  'agreement-ended': 'A curated Agreement on its "Ended" date.',
  'milestone': 'Any other dated event a curated statement gives (founded, opened, first flight, launch, landing, return, '
    + 'announced, started, ITU filing, issued, investment date, goal set, event date), on that date. '
    + 'Deadlines and target dates are not events and are left out.',
  'goal-status': 'A curated goal met (status met early, on time or late, or met with no deadline stated) on its "Date achieved"; a goal the sources leave pending '
    + 'or unknown that became overdue, on the day after its deadline (a circa deadline gets one more unit of its precision); '
    + 'a goal the sources record as missed, on the day after its deadline.',
  'value-changed': 'A single-valued property whose dated statements (as-of dates) give a different value than the statement with '
    + 'the preceding as-of date, on the newer as-of date: old value → new value, with both sources and both dates '
    + '(of several statements with one as-of date, the preferred one counts). A statement the curators mark superseded, '
    + 'without an as-of date, changes to the preferred value on that value\'s as-of date; with no as-of date anywhere, '
    + 'the change has no world date and is left out. A new value the curators mark unverified says so in the title.',
  'left-catalog-on-reentry-watch': 'An object on the reentry watch of a stored GP snapshot (its element set there shows decay and the drag model '
    + 'puts its reentry within 90 days of that snapshot\'s date) that is absent from the next stored snapshot and from every later one, on the '
    + 'data date of the first snapshot without it; the last snapshot that listed it brackets the date (previous). The modelled reentry is a '
    + 'forecast and is never a world date: only the observed absence is. The snapshots are CelesTrak\'s active group, so leaving it is not '
    + 'proof of reentry (a satellite retired from the list also leaves); a reentry the SATCAT records is the decay change. '
    + 'Country = the attribution rules\' country of the object.',
  'close-approach': 'A close approach of the China Space Station (the Tianhe core module\'s element set, which the docked stack shares) to '
    + 'another catalog object closer than 5 km, on its time of closest approach (TCA, UTC), once that day has passed. It is computed, not '
    + 'observed: conjunction screening by SGP4 of the two objects\' element sets in the newest stored GP snapshot dated before the TCA, over '
    + 'the 7 days from that snapshot\'s date (approaches more than 7 days after a snapshot, with no newer snapshot before them, are not '
    + 'screened). Approaches slower than 50 m/s are left out as co-orbital (a docked module or visiting vehicle whose element set is '
    + 'fitted apart from the station\'s, a rendezvous or formation flight). The element sets, their epochs and ages at TCA are in the value and the locator. GP element sets carry no covariance: no collision '
    + 'probability is given, and the station may have manoeuvred. Only the station is screened for the feed. Country = the station\'s, by the attribution rules.',
  'maneuver': 'A maneuver of an object attributed to China by the attribution rules in the newest GP snapshot (the Space safety page\'s '
    + 'selection), detected between two consecutive stored element sets: a change of semi-major axis, inclination, eccentricity or '
    + '(GEO) longitude or drift rate beyond what drag and the fit noise explain (thresholds per orbit regime). World date: the epoch '
    + 'of the later element set, the first to show the change; the maneuver happened between the two epochs (previous names the '
    + 'earlier element set), an interval as long as the gap between the element sets. Detected from mean elements, not reported '
    + 'by the operator. Objects whose later element sets are the same (docked modules, which CelesTrak gives one element set) are one entry, '
    + 'led by the lowest NORAD number, naming the others. Only China\'s objects are checked for the feed. Country = CN.',
};

/** How the two dates are used, shown beside every list of world changes. */
export const WORLD_DATE_DEFINITION = 'Ordered and filtered (since, until) by the world date: when the change happened as its source gives it. '
  + 'A date known only to the month or year counts from its first day (2025-02 from 2025-02-01, 2025 from 2025-01-01) and is shown '
  + 'with its precision; "~" marks a circa date. An event the data place only within a window (a maneuver between two element sets, '
  + 'an object that left the catalog between two snapshots) is dated by the window\'s last day, and its first day is given as "earliest". A date after today is a plan, not a change, and is left out; a curated event '
  + 'dated only to a year or month counts once that year or month has ended (until then the date may be a plan). A curated event that several sources '
  + 'date alike, or at two precisions ("2024-05" and "2024-05-20"), is listed once, at its most precise date, citing one of them (the entity page lists '
  + 'every source); sources that give different dates are listed apart, each naming the others ("sources differ"). "Recorded" is when this store first loaded the record. The first load of historical '
  + 'records is not a change in the world: the record audit (view=records) lists every record the store added, updated or removed.';

export type DatePrecision = 'year' | 'month' | 'day';

/** The value a changed statement had before, with its own source and date. */
export interface PreviousValue { value: string; date: string | null; sourceId: string; locator: string | null }

export interface WorldChange {
  /** Stable id: the type, then the natural key of what changed. */
  id: string;
  type: WorldChangeType;
  /** The world date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD, "~" for circa. */
  date: string;
  /** The first day the world date covers (YYYY-MM-DD): the order and the since/until filter. */
  day: string;
  precision: DatePrecision;
  /**
   * When the data place the event only within a window (a maneuver between two element sets, an object
   * that left the catalog between two snapshots): the window's first day (YYYY-MM-DD); `date` is then the
   * window's last day, not the day the event happened. Null when `date` is the event's own date.
   */
  earliest: string | null;
  /** When this store first recorded the fact (ISO 8601 UTC). */
  recordedAt: string;
  /** One line saying what happened. */
  title: string;
  entityId: string | null;
  entityKind: string | null;
  entityName: string | null;
  /** ISO 3166-1 alpha-2 or country group of the catalog row (launching state, SATCAT owner), or null. */
  country: string | null;
  property: string | null;
  value: string | null;
  previous: PreviousValue | null;
  sourceId: string;
  locator: string | null;
}

/** Where a page starts: after the change with this day and id, in the page's order. */
export interface WorldCursor { day: string; id: string }
export type WorldOrder = 'newest' | 'oldest';
