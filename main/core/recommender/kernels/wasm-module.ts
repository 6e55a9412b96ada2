import type { WasmFunction } from './wasm-function.ts';
import { moduleHeader, section, sectionId, u32, utf8Name, vector } from './wasm-encoding.ts';
import { wasmMaxPages } from './wasm-runtime.ts';

/** Subsections of the `name` custom section (core spec, appendix "Name Section"). */
const nameSubsection = { module: 0, function: 1, local: 2 } as const;

/**
 * The bytes of a module holding one function, exported under its own name, that works on an
 * imported `env.memory` (shared memories must declare a maximum: the 4 GiB of wasm32). A name
 * section carries the module, function, parameter and local names.
 */
export function singleFunctionModule(
  moduleName: string,
  fn: WasmFunction,
  memory: { readonly shared: boolean },
): Uint8Array {
  const limits = memory.shared ? [0x03, ...u32(1), ...u32(wasmMaxPages)] : [0x00, ...u32(1)];
  const memoryImport = [...utf8Name('env'), ...utf8Name('memory'), 0x02, ...limits];
  const functionIndex = u32(0);
  const names = [
    ...utf8Name('name'),
    ...section(nameSubsection.module, utf8Name(moduleName)),
    ...section(nameSubsection.function, vector([[...functionIndex, ...utf8Name(fn.name)]])),
    ...section(nameSubsection.local, vector([[...functionIndex, ...fn.localNameBytes()]])),
  ];
  return new Uint8Array([
    ...moduleHeader,
    ...section(sectionId.type, vector([fn.typeBytes()])),
    ...section(sectionId.import, vector([memoryImport])),
    ...section(sectionId.function, vector([functionIndex])),
    ...section(sectionId.export, vector([[...utf8Name(fn.name), 0x00, ...functionIndex]])),
    ...section(sectionId.code, vector([fn.codeBytes()])),
    ...section(sectionId.custom, names),
  ]);
}
