/** What a validated curated folder amounts to, before the store stamps first/last seen. */
import type { KindName } from './kinds.js';
import type { Source } from './source.js';
import type { Statement } from './statement.js';
import type { Series, SeriesPoint } from './series.js';

export type Unstamped<T> = Omit<T, 'firstSeen' | 'lastSeen'>;

export interface EntityRecord {
  id: string;
  kind: KindName;
  origin: string;
}

export interface Located {
  file: string;
  line: number;
}

export interface KnowledgeBase {
  sources: Source[];
  entities: EntityRecord[];
  statements: Unstamped<Statement>[];
  series: Series[];
  points: Unstamped<SeriesPoint>[];
}

export const CURATED_ORIGIN = 'curated';
