// Loading compiled chunks: compile Lua source, evaluate the emitted JS in a node:vm
// context (no Node globals in sight), register its line table so errors and tracebacks
// map back to Lua lines, and bind it to an environment table.
import vm from "node:vm";
import { compile, CompileError, type CompileResult } from "../compiler/index.js";
import { registerChunk } from "./errors.js";
import type { LuaTable } from "./table.js";
import type { LuaFunction } from "./value.js";

export type ChunkFactory = (helpers: Record<string, unknown>) => (env: LuaTable) => LuaFunction;

export interface LoadedChunk {
  factory: ChunkFactory;
  compiled: CompileResult;
  fileName: string;
}

/** A sandbox realm for compiled code: an empty context whose globals Lua can't name anyway. */
export function createRealm(): vm.Context {
  return vm.createContext(Object.create(null), {
    codeGeneration: { strings: false, wasm: false },
    name: "redlua",
  });
}

/**
 * Compiles Lua source into a chunk factory. Throws CompileError (with Lua's message)
 * on syntax errors.
 */
export function loadChunk(
  realm: vm.Context,
  source: string,
  chunkName: string,
  options: { coroutines?: boolean | "auto" } = {},
): LoadedChunk {
  const compiled = compile(source, { chunkName, coroutines: options.coroutines ?? "auto" });
  const lines = compiled.lines;
  const names = compiled.functionNames;
  const fileName = registerChunk({
    chunkName,
    luaLine: (l, c) => lines.lookup(l, c),
    functionName: (js) => names.get(js),
  });
  const script = new vm.Script(compiled.js, { filename: fileName });
  const factory = script.runInContext(realm) as ChunkFactory;
  return { factory, compiled, fileName };
}

export { CompileError };
