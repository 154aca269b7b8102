/** Every answers suite on PGlite (answers-on.ts), skipped when TEST_STORES leaves it out. */
import { describe } from 'vitest';
import { STORE_KINDS } from '../support/stores.js';
import { answersOn } from './answers-on.js';

if (STORE_KINDS.includes('pglite')) answersOn('pglite');
else describe.skip('answers on pglite (not in TEST_STORES)', () => {});
