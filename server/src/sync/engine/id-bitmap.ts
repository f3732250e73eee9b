/**
 * A set of row ids as bits between the smallest and largest id of a district's table: the
 * planner marks the existing records the source still has without keeping the records
 * themselves (1 MB covers 8 million ids).
 */
export class IdBitmap {
  private readonly bits: Uint8Array;
  /** Ids from min to max: the last byte's spare bits are not ids. */
  private readonly span: number;
  private count = 0;

  constructor(
    private readonly min: number,
    max: number,
  ) {
    this.span = Math.max(0, max - min + 1);
    this.bits = new Uint8Array(max >= min ? Math.floor((max - min) / 8) + 1 : 0);
  }

  static empty(): IdBitmap {
    return new IdBitmap(1, 0);
  }

  add(id: number): boolean {
    const i = id - this.min;
    if (i < 0 || i >= this.bits.length * 8) throw new RangeError(`id ${id} is outside this bitmap`);
    const mask = 1 << (i & 7);
    if (this.bits[i >> 3] & mask) return false;
    this.bits[i >> 3] |= mask;
    this.count++;
    return true;
  }

  has(id: number): boolean {
    const i = id - this.min;
    if (i < 0 || i >= this.bits.length * 8) return false;
    return (this.bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The ids in ascending order as runs of consecutive ids: long runs as [first, last] ranges
   * (one cheap range condition each), the rest as single ids; at most `chunk` ids a slice.
   */
  *slices(chunk: number, minRun = 64): Generator<{ ranges: Array<[number, number]>; ids: number[] }> {
    let ranges: Array<[number, number]> = [];
    let ids: number[] = [];
    let covered = 0;
    let start = -1;
    const total = this.bits.length * 8;
    for (let i = 0; i <= total; i++) {
      const set = i < total && (this.bits[i >> 3] & (1 << (i & 7))) !== 0;
      if (set && start < 0) start = i;
      if (set || start < 0) continue;
      // A run [start, i - 1] ended.
      if (i - start >= minRun) ranges.push([this.min + start, this.min + i - 1]);
      else for (let j = start; j < i; j++) ids.push(this.min + j);
      covered += i - start;
      start = -1;
      if (covered >= chunk) {
        yield { ranges, ids };
        ranges = [];
        ids = [];
        covered = 0;
      }
    }
    if (ranges.length || ids.length) yield { ranges, ids };
  }

  /**
   * Id ranges that together hold every unmarked id between the smallest and largest id, in
   * ascending order: unmarked runs closer than `join` ids apart share a range (which then
   * holds marked ids too). Where the planner looks for records the source no longer has: a
   * run that saw every record has none, one that saw most reads only around what it missed.
   */
  *gapSpans(join: number): Generator<[number, number]> {
    let span: [number, number] | null = null;
    let start = -1;
    const total = this.span;
    for (let i = 0; i <= total; i++) {
      // A whole byte of marks (the usual case) is skipped at once.
      if (start < 0 && (i & 7) === 0 && i + 8 <= total && this.bits[i >> 3] === 0xff) {
        i += 7;
        continue;
      }
      const unset = i < total && (this.bits[i >> 3] & (1 << (i & 7))) === 0;
      if (unset && start < 0) start = i;
      if (unset || start < 0) continue;
      const [first, last] = [this.min + start, this.min + i - 1];
      start = -1;
      if (span && first - span[1] <= join) span[1] = last;
      else {
        if (span) yield span;
        span = [first, last];
      }
    }
    if (span) yield span;
  }
}
