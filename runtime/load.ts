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
import { chargeAllocation, checkHeap } from "./memory.js";
import type { LuaTable } from "./table.js";
import type { LuaFunction } from "./value.js";

/** What V8 may take to compile a char of emitted JS, charged before it does. */
const JS_COMPILE_BYTES = 16;

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
  // a script's syntax trees and JS count against the memory cap (runtime/memory.ts) as the
  // tables and strings it builds do: a 24 MB table constructor took ~5 GB to compile
  const compiled = compile(source, {
    chunkName,
    coroutines: options.coroutines ?? "auto",
    progress: () => checkHeap(),
  });
  // V8's parse of the chunk (its main function is compiled eagerly)
  chargeAllocation(compiled.js.length * JS_COMPILE_BYTES);
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
