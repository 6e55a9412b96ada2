import { op, u32, utf8Name, valueType, vector } from './wasm-encoding.ts';

export type ValueTypeName = keyof typeof valueType;

/** What a kernel declares: name → value type, in declaration (= numbering) order. */
export type Declarations = Readonly<Record<string, ValueTypeName>>;

/** The index of each declared name, to use with `get`, `set` and `tee`. */
export type Indices<T extends Declarations> = { readonly [K in keyof T]: number };

// Names become `$name` in the .wat listing, so keep them to what the text format prints plainly.
const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One WebAssembly function under construction. Parameters and locals are declared by name and
 * numbered here, in declaration order (parameters first, as the binary format numbers them), so
 * adding a local never renumbers anything by hand; the names go into the module's name section,
 * where engines' error messages and the .wat listings pick them up.
 */
export class WasmFunction {
  readonly name: string;
  readonly #params: ValueTypeName[] = [];
  readonly #locals: ValueTypeName[] = [];
  readonly #names: string[] = [];
  readonly #results: readonly ValueTypeName[];
  readonly #body: number[] = [];

  constructor(name: string, results: readonly ValueTypeName[]) {
    this.name = checkName(name);
    this.#results = results;
  }

  /** Declares the parameters, in call order. Must come before any local. */
  params<T extends Declarations>(declarations: T): Indices<T> {
    if (this.#locals.length > 0) {
      throw new Error(`${this.name}: parameters must be declared before locals`);
    }
    return this.#declareAll(declarations, this.#params);
  }

  /** Declares one local and returns its index. */
  local(type: ValueTypeName, name: string): number {
    return this.#declare(type, name, this.#locals);
  }

  /** Declares several locals, in the record's order. */
  locals<T extends Declarations>(declarations: T): Indices<T> {
    return this.#declareAll(declarations, this.#locals);
  }

  /** Appends instructions to the body (the closing `end` is added by `code`). */
  emit(...instructions: readonly (readonly number[])[]): void {
    for (const bytes of instructions) this.#body.push(...bytes);
  }

  /** The function type: `func (param …) (result …)`. */
  typeBytes(): number[] {
    const codes = (types: readonly ValueTypeName[]) => types.map((type) => valueType[type]);
    return [
      0x60,
      ...u32(this.#params.length),
      ...codes(this.#params),
      ...u32(this.#results.length),
      ...codes(this.#results),
    ];
  }

  /** The code-section entry: size, locals as runs of one type, body, `end`. */
  codeBytes(): number[] {
    const runs: number[][] = [];
    let start = 0;
    for (let at = 1; at <= this.#locals.length; at++) {
      if (at === this.#locals.length || this.#locals[at] !== this.#locals[start]) {
        runs.push([...u32(at - start), valueType[this.#locals[start]]]);
        start = at;
      }
    }
    const code = [...vector(runs), ...this.#body, ...op.end];
    return [...u32(code.length), ...code];
  }

  /** The name map of the parameters and locals, for the name section. */
  localNameBytes(): number[] {
    return vector(this.#names.map((name, index) => [...u32(index), ...utf8Name(name)]));
  }

  #declareAll<T extends Declarations>(declarations: T, into: ValueTypeName[]): Indices<T> {
    const indices: Record<string, number> = {};
    for (const [name, type] of Object.entries(declarations)) {
      indices[name] = this.#declare(type, name, into);
    }
    // Filled key by key from `declarations` itself, so every key of T is present.
    return indices as Indices<T>;
  }

  #declare(type: ValueTypeName, name: string, into: ValueTypeName[]): number {
    if (this.#names.includes(checkName(name))) {
      throw new Error(`${this.name}: "${name}" is declared twice`);
    }
    into.push(type);
    this.#names.push(name);
    return this.#names.length - 1;
  }
}

function checkName(name: string): string {
  if (!plainName.test(name)) {
    throw new RangeError(`"${name}" is not a plain identifier (letters, digits, _)`);
  }
  return name;
}
