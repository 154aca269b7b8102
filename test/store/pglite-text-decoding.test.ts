/**
 * PGlite's protocol reader, patched (patches/@electric-sql+pglite+*.patch, applied by `npm ci`'s postinstall
 * through patch-package): a text field is decoded from the message buffer directly instead of from a copy of
 * its bytes made first (an ArrayBuffer allocated per field). The values read must be exactly what was stored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';

const PATCHED = 'string(t){let n=new Uint8Array(r(this,x).buffer,r(this,x).byteOffset+r(this,w),t);';

describe('PGlite text decoding (patched reader)', () => {
  it('is the installed code: npm ci applied the patch', () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const chunks = readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8'));
    expect(chunks.filter((text) => text.includes(PATCHED))).toHaveLength(1);
    expect(chunks.some((text) => text.includes('string(t){return r(this,le).decode(this.bytes(t))}'))).toBe(false);
  });

  it('reads every text value as stored: empty, multi-byte, long, null, beside numbers and bytea', async () => {
    const pg = await PGlite.create();
    try {
      const values = ['', 'ascii', 'héllo wörld', '北京航天', '💥 and 🚀', 'x'.repeat(100_000), 'tab\tand\nnewline', null];
      await pg.exec('create table t (id int, s text, b bytea, f float8)');
      for (const [i, s] of values.entries()) {
        await pg.query('insert into t values ($1, $2, $3, $4)', [i, s, new Uint8Array([i, 255, 0, i]), i + 0.5]);
      }
      const { rows } = await pg.query<{ id: number; s: string | null; b: Uint8Array; f: number }>('select * from t order by id');
      expect(rows.map((r) => r.s)).toEqual(values);
      expect(rows.map((r) => [...r.b])).toEqual(values.map((_, i) => [i, 255, 0, i]));
      expect(rows.map((r) => r.f)).toEqual(values.map((_, i) => i + 0.5));
      // Many rows in one message buffer: each field decoded at its own offset.
      const many = await pg.query<{ g: string; h: string }>("select g::text as g, md5(g::text) || '北' as h from generate_series(1, 20000) g");
      expect(many.rows).toHaveLength(20_000);
      expect(many.rows[12_344]).toEqual({ g: '12345', h: `827ccb0eea8a706c4c34a16891f84e7b北` });
    } finally {
      await pg.close();
    }
  });
});
