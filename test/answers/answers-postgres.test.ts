/** Every answers suite on PostgreSQL (answers-on.ts), skipped when TEST_STORES leaves it out. */
import { describe } from 'vitest';
import { STORE_KINDS } from '../support/stores.js';
import { answersOn } from './answers-on.js';

if (STORE_KINDS.includes('postgres')) answersOn('postgres');
else describe.skip('answers on postgres (not in TEST_STORES)', () => {});
