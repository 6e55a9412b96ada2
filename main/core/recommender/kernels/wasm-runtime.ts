/**
 * The slice of the WebAssembly JS API the kernels use, typed here because the Node project's
 * `lib` (ES2024, no DOM) does not declare `WebAssembly`. Node has had all of it since v16.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

export interface WasmModule {
  readonly kind?: 'module';
}

interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => WasmInstance;
  readonly Memory: new (descriptor: {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }) => WasmMemory;
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const wasmPageBytes = 65536;
/** 4 GiB, the most a 32-bit memory can address. */
export const wasmMaxPages = 65536;

export function compileModule(bytes: Uint8Array): WasmModule {
  return new wasm.Module(bytes);
}

/** Instantiates `module` against `memory` (imported as env.memory) and returns its exports. */
export function instantiate(module: WasmModule, memory: WasmMemory): Record<string, unknown> {
  return new wasm.Instance(module, { env: { memory } }).exports;
}

/** A memory of at least `bytes`; `shared` ones can be handed to other threads. */
export function createMemory(bytes: number, shared: boolean): WasmMemory {
  const pages = Math.max(1, Math.ceil(bytes / wasmPageBytes));
  if (pages > wasmMaxPages) {
    throw new RangeError(`a WebAssembly memory holds at most 4 GiB; ${bytes} bytes requested`);
  }
  return shared
    ? new wasm.Memory({ initial: pages, maximum: wasmMaxPages, shared: true })
    : new wasm.Memory({ initial: pages });
}
