/** The PostgreSQL extensions PGlite loads with every store (PostgreSQL has them installed): pg_trgm for the name search. */
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const PGLITE_EXTENSIONS = { pg_trgm };
