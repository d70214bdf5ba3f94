// LuaEngine: one Lua "state" — a globals table with the standard library of a profile
// ("cli": what lua5.1 gives a script; "redis": what Redis 7.0 gives one), the helpers
// compiled code calls, the interrupt hook, and entry points to load and run chunks.
import { LuaTable } from "./table.js";
import { LuaError, LuaInterrupt, catchable, unregisterChunk } from "./errors.js";
import { CompileError } from "../compiler/index.js";
import { loadChunk } from "./load.js";
import { makeHelpers, makeInterrupts, type Interrupts } from "./helpers.js";
import * as ops from "./ops.js";
import { installBase } from "./lib/base.js";
import { installLibraries, type Profile } from "./lib/index.js";
import { markBuiltins } from "./lib/builtins.js";
import type { MathLibOptions } from "./lib/math.js";
import { LuaExit, traceback } from "./lib/os.js";
import type { LuaFunction, LuaValue } from "./value.js";

export interface EngineOptions {
  profile?: Profile;
  /** where print/io.write go (CLI profile) */
  stdout?: (s: string) => void;
  /** the script's command-line arguments (CLI profile `arg`) */
  argv?: string[];
  /** the script's name (arg[0]) */
  scriptName?: string;
  /** emit generator twins for coroutines: "auto" (source mentions coroutine), true, false */
  coroutines?: boolean | "auto";
  /** math.random's generator (a server passes its own, shared by its EVAL and FUNCTION states) */
  random?: MathLibOptions["random"];
}

const chunkCleanup = new FinalizationRegistry<string>((fileName) => unregisterChunk(fileName));

export class LuaEngine {
  readonly globals = new LuaTable();
  readonly stringMeta = new LuaTable();
  readonly interrupts: Interrupts = makeInterrupts();
  readonly profile: Profile;
  private readonly helpers: Record<string, unknown>;
  private readonly coroutines: boolean | "auto";
  readonly stdout: (s: string) => void;

  constructor(options: EngineOptions = {}) {
    this.profile = options.profile ?? "cli";
    this.stdout = options.stdout ?? ((s) => process.stdout.write(Buffer.from(s, "latin1")));
    this.coroutines = options.coroutines ?? "auto";
    this.helpers = makeHelpers(this.interrupts);
    installBase(this.globals, {
      load: (src, name, source, compileName) => this.load(src, name, this.globals, source, compileName),
      globals: () => this.globals,
    });
    installLibraries(this, options);
    markBuiltins(this.globals);
    this.enter();
  }

  /** Makes this engine's string metatable the one string values see. */
  enter(): void {
    ops.shared.stringMeta = this.stringMeta;
  }

  /**
   * Compiles source into a function bound to this engine's globals (or `env`).
   * Syntax errors throw a LuaError whose value is Lua's message ("name:1: ... near 'x'").
   * `luaSource` is Lua's source name when it isn't "@" + chunkName (loadstring's chunks);
   * `compileName` the chunk id syntax errors show (llex.c's is longer than the debug info's).
   */
  load(
    source: string,
    chunkName: string,
    env: LuaTable = this.globals,
    luaSource?: string,
    compileName = chunkName,
  ): LuaFunction {
    // Redis's Lua never loads bytecode: its parser reads "\27Lua" as text ("unexpected symbol")
    if (source.charCodeAt(0) === 27 && this.profile !== "redis") {
      // a precompiled chunk (string.dump's output): redlua has no Lua bytecode to run
      const name = luaSource === undefined || luaSource.charCodeAt(0) === 27 ? "binary string" : chunkName;
      const why = source.length < 12 ? "unexpected end" : "bad header";
      throw new LuaError(`${name}: ${why} in precompiled chunk`, 0);
    }
    let chunk;
    try {
      chunk = loadChunk(source, chunkName, { coroutines: this.coroutines, source: luaSource });
    } catch (e) {
      if (e instanceof CompileError) throw new LuaError(e.format(compileName), 0);
      throw e;
    }
    const main = chunk.factory(this.helpers)(env);
    chunkCleanup.register(main, chunk.fileName);
    return main;
  }

  /** Loads and runs a chunk, returning all its results. Errors propagate as thrown. */
  run(source: string, chunkName: string, ...args: LuaValue[]): LuaValue[] {
    this.enter();
    const f = this.load(source, chunkName);
    const r = f(...args);
    return Array.isArray(r) ? r : [r];
  }

  /**
   * Runs a program the way `lua5.1 FILE` does: uncaught errors print
   * "lua5.1: message" and a traceback to stderr, with status 1; os.exit(n) gives n.
   */
  runMain(source: string, chunkName: string, args: string[] = []): { status: number; stderr: string } {
    this.enter();
    let f: LuaFunction;
    try {
      f = this.load(source, chunkName);
    } catch (e) {
      if (e instanceof LuaError) return { status: 1, stderr: `lua5.1: ${ops.tostring(e.value)}\n` };
      throw e;
    }
    try {
      f(...args);
      return { status: 0, stderr: "" };
    } catch (e) {
      if (e instanceof LuaExit) return { status: e.status, stderr: "" };
      if (e instanceof LuaInterrupt) return { status: 1, stderr: `lua5.1: ${e.message}\n` };
      const le = catchable(e);
      if (le === undefined) throw e;
      // lua.c's report(): nil prints nothing; non-strings have no text and no traceback
      const v = le.value;
      if (v === undefined) return { status: 1, stderr: "" };
      if (typeof v !== "string" && typeof v !== "number") {
        return { status: 1, stderr: "lua5.1: (error object is not a string)\n" };
      }
      const tb = le.luaTraceback ?? traceback(undefined).split("\n").slice(1);
      const lines = ["stack traceback:", ...tb, "\t[C]: ?"].join("\n");
      return { status: 1, stderr: `lua5.1: ${ops.tostring(v)}\n${lines}\n` };
    }
  }
}
