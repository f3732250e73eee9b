/**
 * A set of row ids as bits between the smallest and largest id of a district's table: the
 * planner marks the existing records the source still has without keeping the records
 * themselves (1 MB covers 8 million ids).
 */
export class IdBitmap {
  private readonly bits: Uint8Array;
  private count = 0;

  constructor(private readonly min: number, max: number) {
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

  /** The ids in ascending order, `chunk` at a time. */
  *chunks(chunk: number): Generator<number[]> {
    let out: number[] = [];
    for (let byte = 0; byte < this.bits.length; byte++) {
      const b = this.bits[byte];
      if (b === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        if (!(b & (1 << bit))) continue;
        out.push(this.min + byte * 8 + bit);
        if (out.length === chunk) {
          yield out;
          out = [];
        }
      }
    }
    if (out.length) yield out;
  }
}
