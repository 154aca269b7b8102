/** ReadAhead: reads run in order, one per turn of the event loop, and are taken exactly as a read then would give them. */
import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/services/read-ahead.js';

describe('ReadAhead', () => {
  it('gives the value read ahead, without reading again', async () => {
    const ahead = new ReadAhead();
    let reads = 0;
    ahead.start([{ key: 'a', read: () => { reads++; return { rows: [1, 2] }; } }]);
    const value = await ahead.take('a', () => { throw new Error('read again'); });
    expect(value).toEqual({ rows: [1, 2] });
    expect(reads).toBe(1);
  });

  it('runs the reads in the order queued, each in its own turn, so other work runs between two reads', async () => {
    const ahead = new ReadAhead();
    const order: string[] = [];
    ahead.start([
      { key: 'a', read: () => { order.push('a'); setImmediate(() => order.push('between')); return 1; } },
      { key: 'b', read: () => { order.push('b'); return 2; } },
    ]);
    ahead.start([{ key: 'c', read: () => { order.push('c'); return 3; } }]);
    expect(order).toEqual([]);
    expect(await ahead.take('c', () => 0)).toBe(3);
    expect(order).toEqual(['a', 'between', 'b', 'c']);
  });

  it('throws the error the read threw when it is taken, and not before', async () => {
    const ahead = new ReadAhead();
    const failure = new Error('line 7: truncated');
    ahead.start([{ key: 'bad', read: () => { throw failure; } }, { key: 'good', read: () => 'ok' }]);
    expect(await ahead.take('good', () => 'late')).toBe('ok');
    await expect(ahead.take('bad', () => 'late')).rejects.toBe(failure);
  });

  it('reads a key never queued when it is taken, and a taken key anew (it keeps no result)', async () => {
    const ahead = new ReadAhead();
    let reads = 0;
    const read = () => ++reads;
    ahead.start([{ key: 'k', read }]);
    expect(await ahead.take('k', read)).toBe(1);
    ahead.start([{ key: 'k', read }]);
    expect(await ahead.take('k', read)).toBe(2);
    expect(await ahead.take('other', () => 'now')).toBe('now');
    expect(reads).toBe(2);
  });
});
