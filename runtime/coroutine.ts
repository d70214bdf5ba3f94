// Coroutines: a coroutine runs the generator twin (`.$g`) of a compiled Lua function, so
// `coroutine.yield` is a JS `yield` and code outside coroutines pays nothing. Yielding from
// code that runs as a plain JS function (a metamethod, a built-in's callback, pcall) is
// Lua 5.1's "attempt to yield across metamethod/C-call boundary".
import { LuaError, MAXCCALLS, cCalls, catchable } from "./errors.js";
import { newLineState, swapLineState, type LineState } from "./line-hook.js";
import * as ops from "./ops.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaThread, type LuaValue } from "./value.js";

type GenFn = (...args: LuaValue[]) => Generator<LuaValue[], LuaResult, LuaValue[]>;

export type CoStatus = "suspended" | "running" | "normal" | "dead";

export class Coroutine implements LuaThread {
  readonly luaType = "thread";
  status: CoStatus = "suspended";
  private gen: Generator<LuaValue[], LuaResult, LuaValue[]> | undefined = undefined;
  private started = false;

  constructor(readonly fn: LuaValue) {}

  /** its hook (line-hook.ts): its creator's, armed after a kill or not */
  private line: LineState = newLineState();

  /** Resumes with args; returns [true, ...values] or [false, error]. */
  resume(args: LuaValue[]): LuaValue[] {
    if (this.status !== "suspended") return [false, `cannot resume ${this.status} coroutine`];
    // lua_resume counts a C call (the coroutine runs at its resumer's depth plus one)
    if (cCalls.depth >= MAXCCALLS) return [false, "C stack overflow"];
    const depth = cCalls.depth++;
    const prev = current;
    if (prev !== undefined) prev.status = "normal";
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    current = this;
    this.status = "running";
    const resumer = swapLineState(this.line);
    try {
      let step: IteratorResult<LuaValue[], LuaResult>;
      if (!this.started) {
        this.started = true;
        const g = typeof this.fn === "function" ? (this.fn as LuaFunction & { $g?: GenFn }).$g : undefined;
        if (g === undefined) {
          // not compiled for coroutines (a built-in, or code that can't yield): run it through
          const r = ops.call(this.fn, ...args);
          this.status = "dead";
          return [true, ...(Array.isArray(r) ? r : [r])];
        }
        this.gen = g(...args);
        step = this.gen.next(EMPTY);
      } else {
        step = this.gen!.next(args);
      }
      if (step.done) {
        this.status = "dead";
        const r = step.value;
        return [true, ...(Array.isArray(r) ? r : [r])];
      }
      this.status = "suspended";
      return [true, ...step.value];
    } catch (e) {
      this.status = "dead";
      const le = catchable(e);
      if (le === undefined) throw e;
      return [false, le.value];
    } finally {
      this.line = swapLineState(resumer);
      cCalls.depth = depth;
      current = prev;
      if (prev !== undefined) prev.status = "running";
    }
  }
}

/** The running coroutine, or undefined on the main thread. */
let current: Coroutine | undefined = undefined;

export function runningCoroutine(): Coroutine | undefined {
  return current;
}

/**
 * coroutine.yield when called as a plain function. Generator-mode calls intercept it
 * before it runs, so reaching this body means a yield Lua 5.1 would refuse too — with this
 * message even on the main thread, which lua.c and Redis always run inside lua_pcall.
 */
export function coroutineYield(..._values: LuaValue[]): LuaResult {
  // raised by luaB_yield, a C function: no position
  throw new LuaError("attempt to yield across metamethod/C-call boundary", 0);
}
