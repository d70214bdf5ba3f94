// Scripting's entry point: one ScriptRunner (the run context EVAL and FUNCTION share) and
// the EVAL layer, with their commands registered in the executor's command table.
import type { Executor } from "../executor.js";
import { EvalScripts } from "./eval.js";
import { ScriptRunner } from "./runner.js";

export interface Scripting {
  runner: ScriptRunner;
  eval: EvalScripts;
}

export function installScripting(executor: Executor): Scripting {
  const runner = new ScriptRunner(executor);
  const evalScripts = new EvalScripts(executor, runner);
  evalScripts.state.engine.interrupts.check = () => runner.interruptCheck();
  executor.table.register(evalScripts.commands());
  return { runner, eval: evalScripts };
}
