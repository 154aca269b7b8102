import { SETTINGS } from './settings.js';

export function renderSettingsDocs(): string {
  return ['# Configuration', '', '<!-- Generated from src/config/settings.ts by `npm run gen`; do not edit by hand. -->', '',
    'Every setting is an environment variable, read once at start-up.', '',
    '| variable | default | meaning |', '| --- | --- | --- |',
    ...Object.values(SETTINGS).map((s) => `| \`${s.env}\` | ${s.default ? `\`${s.default}\`` : '(empty)'} | ${s.help} |`),
    '', 'Tests also read `TEST_STORES` (default `pglite,postgres`: the stores every store test runs on) and',
    '`TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`: the server on which each test suite creates and drops its own database).',
    'A test run loads the bundled data once per store kind (a PGlite tarball in the temporary folder, a `redshift_tpl_*`',
    'template database), with the results the product keeps in the store computed once (station screenings, reentry',
    'watches, constellations), and gives each test file that needs it its own copy; both are removed when the run ends.',
    'A new, empty PGlite test store is a copy of a migrated empty one made once per test worker.', ''].join('\n');
}
