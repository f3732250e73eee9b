import { describe, expect, it } from '@jest/globals';
import { IdBitmap } from '../../src/sync/engine/id-bitmap.js';

function idsOf(slices: Iterable<{ ranges: Array<[number, number]>; ids: number[] }>): number[] {
  const out: number[] = [];
  for (const s of slices) {
    for (const [first, last] of s.ranges) for (let id = first; id <= last; id++) out.push(id);
    out.push(...s.ids);
  }
  return out.sort((a, b) => a - b);
}

describe('IdBitmap', () => {
  it('marks ids once and counts them', () => {
    const b = new IdBitmap(100, 200);
    expect(b.add(100)).toBe(true);
    expect(b.add(100)).toBe(false);
    expect(b.add(200)).toBe(true);
    expect([b.has(100), b.has(150), b.has(200), b.has(99), b.has(201)]).toEqual([true, false, true, false, false]);
    expect(b.size).toBe(2);
    expect(() => b.add(300)).toThrow(RangeError);
  });

  it('slices its ids into long runs as ranges and the rest as single ids, covering each id exactly once', () => {
    const b = new IdBitmap(1, 10_000);
    const expected: number[] = [];
    for (let id = 1; id <= 10_000; id++) {
      // A dense block, a sparse stretch, and a run ending at the last id.
      if (id <= 3000 || (id > 5000 && id % 7 === 0) || id > 9900) {
        b.add(id);
        expected.push(id);
      }
    }
    const slices = [...b.slices(1000)];
    expect(idsOf(slices)).toEqual(expected);
    expect(slices.flatMap((s) => s.ranges)).toEqual([
      [1, 3000],
      [9901, 10_000],
    ]);
    // Sparse ids come as single ids, never as ranges that would include unmarked ids.
    expect(slices.flatMap((s) => s.ids).every((id) => id % 7 === 0)).toBe(true);
    expect(slices.length).toBeGreaterThan(1);
  });

  it('slices an empty bitmap into nothing', () => {
    expect([...IdBitmap.empty().slices(10)]).toEqual([]);
    expect([...new IdBitmap(5, 50).slices(10)]).toEqual([]);
  });

  it('spans the unmarked ids between its bounds with ranges, joining those close together', () => {
    const b = new IdBitmap(10, 60);
    for (let id = 10; id <= 60; id++) if (id < 20 || (id > 24 && id !== 40 && id < 58)) b.add(id);
    expect([...b.gapSpans(0)]).toEqual([
      [20, 24],
      [40, 40],
      [58, 60],
    ]);
    // 40 is 16 ids after 24, 58 is 18 after 40.
    expect([...b.gapSpans(16)]).toEqual([
      [20, 40],
      [58, 60],
    ]);
    expect([...b.gapSpans(100)]).toEqual([[20, 60]]);
    // The last byte's spare bits are not ids; a bitmap that saw everything has no gaps.
    const full = new IdBitmap(1, 19);
    for (let id = 1; id <= 19; id++) full.add(id);
    expect([...full.gapSpans(0)]).toEqual([]);
    expect([...new IdBitmap(3, 9).gapSpans(0)]).toEqual([[3, 9]]);
    expect([...IdBitmap.empty().gapSpans(0)]).toEqual([]);
  });
});
