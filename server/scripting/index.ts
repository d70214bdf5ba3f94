// Scripting's entry point: one ScriptRunner (the run context EVAL and FUNCTION share), the
// EVAL layer and the FUNCTION layer, with their commands registered in the executor's
// command table; and the scripting figures INFO's memory section prints.
import { registerBuiltinFiles } from "../../runtime/errors.js";
import type { Executor } from "../executor.js";
import { EvalScripts } from "./eval.js";
import { FunctionsLib } from "./functions.js";
import { ScriptRunner } from "./runner.js";

export interface Scripting {
  runner: ScriptRunner;
  eval: EvalScripts;
  functions: FunctionsLib;
}

export function installScripting(executor: Executor): Scripting {
  // the redis table, global protection and the run context are C code to the scripts
  registerBuiltinFiles(/[\\/]server[\\/]scripting[\\/]/);
  const runner = new ScriptRunner(executor);
  const evalScripts = new EvalScripts(executor, runner);
  executor.table.register(evalScripts.commands());
  const functions = new FunctionsLib(executor, runner);
  executor.table.register(functions.commands());
  return { runner, eval: evalScripts, functions };
}

/** The Lua VM size INFO reports for EVAL's state (an estimate: V8 doesn't tell per state). */
const EVAL_VM = 32768;

/** INFO memory's scripting fields, in Redis 7.0's order (the *_human ones through `human`). */
export function scriptingMemoryInfo(s: Scripting, human: (n: number) => string): [string, string | number][] {
  const f = s.functions.memory();
  const evalMem = s.eval.bodyBytes + s.eval.cache.size * 64;
  return [
    ["used_memory_lua", EVAL_VM],
    ["used_memory_vm_eval", EVAL_VM],
    ["used_memory_lua_human", human(EVAL_VM)],
    ["used_memory_scripts_eval", evalMem],
    ["number_of_cached_scripts", s.eval.cache.size],
    ["number_of_functions", f.functions],
    ["number_of_libraries", f.libraries],
    ["used_memory_vm_functions", f.vm],
    ["used_memory_vm_total", EVAL_VM + f.vm],
    ["used_memory_vm_total_human", human(EVAL_VM + f.vm)],
    ["used_memory_functions", f.overhead],
    ["used_memory_scripts", evalMem + f.overhead],
    ["used_memory_scripts_human", human(evalMem + f.overhead)],
  ];
}
