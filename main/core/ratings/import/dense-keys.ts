/** Gives each distinct string a dense index 0, 1, 2, … in order of first appearance. */
export class DenseKeys {
  readonly keys: string[] = [];
  readonly #index = new Map<string, number>();

  indexOf(key: string): number {
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key);
      this.#index.set(key, index);
    }
    return index;
  }
}
