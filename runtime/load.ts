// Loading compiled chunks: compile Lua source, evaluate the emitted JS with node:vm,
// register its line table so errors and tracebacks map back to Lua lines, and bind it to
// an environment table.
//
// The code runs in the main realm on purpose: from a separate vm context every helper call
// is a cross-realm call that V8 does not inline (measured: fib 2x slower), and global
// lookups go through the context's interceptors. Isolation comes from the compiler instead:
// emitted code names only its own mangled locals and the helpers (spec/compiler checks
// every emitted program for free identifiers).
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

/**
 * Compiles Lua source into a chunk factory. Throws CompileError (with Lua's message)
 * on syntax errors.
 */
export function loadChunk(
  source: string,
  chunkName: string,
  options: { coroutines?: boolean | "auto"; source?: string } = {},
): LoadedChunk {
  const compiled = compile(source, { chunkName, coroutines: options.coroutines ?? "auto" });
  const lines = compiled.lines;
  const names = compiled.functionNames;
  const fileName = registerChunk({
    chunkName,
    source: options.source,
    luaLine: (l, c) => lines.lookup(l, c),
    isTailCall: (l, c) => lines.isTailCall(l, c),
    callName: (l, c) => lines.callName(l, c),
    after: (l, c, firstFalse) => lines.after(l, c, firstFalse),
    functionName: (js) => names.get(js),
  });
  const script = new vm.Script(compiled.js, { filename: fileName });
  const factory = script.runInThisContext() as ChunkFactory;
  return { factory, compiled, fileName };
}

export { CompileError };
