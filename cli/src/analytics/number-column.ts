/** A Float64Array that grows as values are appended: eight bytes a value, no object per row. */
export class NumberColumn {
  private data = new Float64Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      // Growing by half keeps the copy (old and new side by side) small next to the data.
      const grown = new Float64Array(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values, trimmed to length. */
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
