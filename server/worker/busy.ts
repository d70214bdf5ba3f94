// The connection side's answers while a script runs past busy-reply-threshold (processCommand's
// busy branch, for a client with nothing waiting at the executor): -BUSY for what Redis 7.0
// refuses, and the CMD_ALLOW_BUSY commands that need nothing but the control block — SCRIPT KILL,
// FUNCTION KILL, FUNCTION STATS, SHUTDOWN. The other allowed ones (AUTH, HELLO, MULTI, WATCH…)
// and anything that is not a plain BUSY (unknown commands, wrong arity) go to the executor,
// which runs them from the script's interrupt hook.

import { F } from "../commands/table.js";
import { err, MapReply, OK, type ErrorReply, type Reply } from "../reply.js";
import type { ControlBlock } from "./control.js";
import type { CommandIndex, CommandInfo } from "./wire.js";

export const SLOW_EVAL =
  "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
export const SLOW_FUNCTION =
  "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
const NOTBUSY = "NOTBUSY No scripts in execution right now.";
const UNKILLABLE =
  "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";

/** What an answer made here is, for the executor's stats (link.answered). */
export interface BusyAnswer {
  reply: Reply;
  cmd: CommandInfo;
  /** rejected by processCommand (rejected_calls) rather than run (calls / failed_calls) */
  rejected: boolean;
  /** SHUTDOWN NOSAVE: end the process (no reply) */
  shutdown?: boolean;
}

/**
 * The answer to `argv` while a script is timed out, or undefined when the executor must
 * answer it (not timed out, or not one of the cases above).
 */
export function busyAnswer(
  ctl: ControlBlock,
  commands: CommandIndex | undefined,
  argv: string[],
): BusyAnswer | undefined {
  if (commands === undefined) return undefined;
  const run = ctl.snapshot();
  if (!run.running || run.elapsed < ctl.busyReplyThreshold) return undefined;
  const cmd = commands.lookup(argv);
  if (cmd === undefined) return undefined;
  const arity = cmd.arity;
  if ((arity > 0 && arity !== argv.length) || argv.length < -arity) return undefined;
  const slow = err(run.kind === "eval" ? SLOW_EVAL : SLOW_FUNCTION);
  if ((cmd.flags & F.allow_busy) === 0) return { reply: slow, cmd, rejected: true };
  switch (cmd.fullname) {
    case "script|kill":
      return { reply: kill(ctl, true), cmd, rejected: false };
    case "function|kill":
      return { reply: kill(ctl, false), cmd, rejected: false };
    case "function|stats": {
      if (run.kind === "eval") return { reply: slow, cmd, rejected: false };
      const reply = functionStats(ctl);
      // not yet published: the executor answers it when its hook next serves clients, or after
      return reply === undefined ? undefined : { reply, cmd, rejected: false };
    }
    case "shutdown":
      return shutdown(argv, cmd, slow);
  }
  return undefined;
}

/** scriptKill, with the checks and the kill as one atomic step on the control block. */
function kill(ctl: ControlBlock, isEval: boolean): Reply {
  switch (ctl.requestKill(isEval)) {
    case "ok":
      return OK;
    case "notbusy":
      return err(NOTBUSY);
    case "unkillable":
      return err(UNKILLABLE);
    case "wrongkind":
      // SCRIPT KILL on a function answers the function's BUSY, FUNCTION KILL on an eval the eval's
      return err(isEval ? SLOW_FUNCTION : SLOW_EVAL);
  }
}

/** functionStatsCommand while a function runs: its name, command and duration; the engine's counts. */
function functionStats(ctl: ControlBlock): Reply | undefined {
  const fn = ctl.runningFunction();
  if (fn === "unpublished") return undefined;
  const run = ctl.snapshot();
  const running =
    fn === undefined
      ? null
      : new MapReply(["name", fn.name, "command", fn.command, "duration_ms", Math.floor(run.elapsed)]);
  const engine = new MapReply(["libraries_count", fn?.libs ?? 0, "functions_count", fn?.fns ?? 0]);
  return new MapReply(["running_script", running, "engines", new MapReply(["LUA", engine])]);
}

/**
 * shutdownCommand while timed out: NOSAVE ends the server now; without it, BUSY. Syntax errors
 * and ABORT are left to the executor's handler.
 */
function shutdown(argv: string[], cmd: CommandInfo, slow: ErrorReply): BusyAnswer | undefined {
  let nosave = false;
  let save = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toLowerCase();
    if (a === "nosave") nosave = true;
    else if (a === "save") save = true;
    else if (a !== "now" && a !== "force") return undefined;
  }
  if (nosave && save) return undefined;
  if (!nosave) return { reply: slow, cmd, rejected: false };
  return { reply: null, cmd, rejected: false, shutdown: true };
}
