// Redis Functions (functions.c): the libraries and their functions, FUNCTION LOAD / DELETE /
// FLUSH / LIST / STATS / KILL / HELP / DUMP / RESTORE, FCALL and FCALL_RO, and their command
// table entries. A thin layer like eval.ts: running goes through the shared ScriptRunner, the
// Lua side lives in functions-lua.ts, the DUMP payload format in functions-dump.ts.
import { blankNewlines } from "../../runtime/lib/bytemap.js";
import type { ClientState } from "../client.js";
import type { CommandDef, KeySpec } from "../commands/table.js";
import type { Executor } from "../executor.js";
import { splitArgs } from "../protocol/splitargs.js";
import { bulkOfBytes, err, MapReply, OK, SetReply, StatusReply, type Reply } from "../reply.js";
import { globMatch } from "../util/glob.js";
import { parseLL } from "../util/numbers.js";
import { genericGetKeys } from "../commands/getkeys.js";
import { buildPayload, readPayload, verifyPayload } from "./functions-dump.js";
import {
  FunctionsLuaEngine,
  LibraryInfo,
  NAME_RULE,
  validName,
  type CreateError,
  type FunctionInfo,
} from "./functions-lua.js";
import { scriptFlagsToCmdFlags, type ScriptRunner } from "./runner.js";
import { FLAG_NAMES } from "./shebang.js";

/** The one engine Redis 7.0 registers. */
const ENGINE = "LUA";

const SLOW_EVAL = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";

// Memory estimates in the spirit of functionsMemoryOverhead / libraryMallocSize /
// functionMallocSize (the allocator's sizes can't be known here): fixed overheads plus bytes.
const CTX_OVERHEAD = 200;
const LIBRARY_OVERHEAD = 72;
const FUNCTION_OVERHEAD = 64;
const LUA_VM_BASE = 32768;

/** The C-string view of an argument: Redis's %s and strcasecmp stop at a NUL. */
function cstr(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

/** strcasecmp(arg, word) == 0 for a lowercase ASCII word. */
function is(arg: string, word: string): boolean {
  const s = cstr(arg);
  return s.length === word.length && s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) === word;
}

function subcommandSyntaxError(argv: string[]): Reply {
  return err(
    `ERR unknown subcommand or wrong number of arguments for '${cstr(argv[1]).slice(0, 128)}'. Try ${cstr(argv[0]).toUpperCase()} HELP.`.replace(
      /[\r\n]/g,
      " ",
    ),
  );
}

/**
 * functionsLibCtx: libraries by (case-sensitive) name; functions by name, case-insensitive
 * (dictSdsKeyCaseCompare) — when one library registers two names differing only in case,
 * the first linked wins the lookup, as dictAdd leaves it; the engine's counters.
 */
export class LibraryCtx {
  readonly libraries = new Map<string, LibraryInfo>();
  readonly functions = new Map<string, FunctionInfo>();
  libCount = 0;
  functionCount = 0;
  cacheMemory = 0;

  link(li: LibraryInfo): void {
    for (const fi of li.functions.values()) {
      const k = fi.name.toLowerCase();
      if (!this.functions.has(k)) this.functions.set(k, fi);
      this.cacheMemory += FUNCTION_OVERHEAD + fi.name.length + (fi.desc?.length ?? 0);
    }
    this.libraries.set(li.name, li);
    this.cacheMemory += LIBRARY_OVERHEAD + li.name.length + li.code.length;
    this.libCount++;
    this.functionCount += li.functions.size;
  }

  unlink(li: LibraryInfo): void {
    for (const fi of li.functions.values()) {
      const k = fi.name.toLowerCase();
      if (this.functions.get(k) === fi) this.functions.delete(k);
      this.cacheMemory -= FUNCTION_OVERHEAD + fi.name.length + (fi.desc?.length ?? 0);
    }
    this.libraries.delete(li.name);
    this.cacheMemory -= LIBRARY_OVERHEAD + li.name.length + li.code.length;
    this.libCount--;
    this.functionCount -= li.functions.size;
  }

  /** The function FCALL names (exact spelling first: the common case skips lowercasing). */
  lookup(name: string): FunctionInfo | undefined {
    return this.functions.get(name) ?? this.functions.get(name.toLowerCase());
  }
}

/** functionExtractLibMetaData: engine and library name from "#!<engine> name=<lib>\n". */
function libMetadata(code: string): { engine: string; name: string; body: string } | { error: string } {
  if (!code.startsWith("#!")) return { error: "Missing library metadata" };
  const nl = cstr(code).indexOf("\n");
  if (nl < 0) return { error: "Invalid library metadata" };
  const parts = splitArgs(code.slice(0, nl));
  if (parts === undefined || parts.length === 0) return { error: "Invalid library metadata" };
  const engine = parts[0].slice(2);
  let name: string | undefined;
  for (const part of parts.slice(1)) {
    if (is(part.slice(0, 5), "name=")) {
      if (name !== undefined)
        return { error: "Invalid metadata value, name argument was given multiple times" };
      name = part.slice(5);
      continue;
    }
    return { error: `Invalid metadata value given: ${cstr(part)}` };
  }
  if (name === undefined) return { error: "Library name was not given" };
  return { engine, name, body: code.slice(nl) };
}

export class FunctionsLib {
  ctx = new LibraryCtx();
  readonly lua: FunctionsLuaEngine;

  constructor(
    readonly executor: Executor,
    readonly runner: ScriptRunner,
  ) {
    this.lua = new FunctionsLuaEngine(runner);
  }

  /**
   * functionsCreateWithLibraryCtx: creates the library `code` describes in `ctx`, replacing a
   * library of the same name when `replace` (the old one comes back if anything fails).
   */
  create(code: string, replace: boolean, ctx: LibraryCtx): { name: string } | { error: CreateError } {
    const md = libMetadata(code);
    if ("error" in md) return md;
    if (!validName(md.name)) return { error: NAME_RULE };
    if (!is(md.engine, "lua")) return { error: `Engine '${md.engine}' not found` };
    const old = ctx.libraries.get(md.name);
    if (old !== undefined && !replace) return { error: `Library '${md.name}' already exists` };
    if (old !== undefined) ctx.unlink(old);
    const li = new LibraryInfo(md.name, code);
    let error = this.lua.create(li, md.body);
    if (error === undefined && li.functions.size === 0) error = "No functions registered";
    if (error === undefined) {
      for (const fi of li.functions.values()) {
        if (ctx.functions.has(fi.name.toLowerCase())) {
          error = `Function ${fi.name} already exists`;
          break;
        }
      }
    }
    if (error !== undefined) {
      if (old !== undefined) ctx.link(old);
      return { error };
    }
    ctx.link(li);
    return { name: md.name };
  }

  /** FUNCTION LOAD [REPLACE] <code> */
  load(argv: string[]): Reply {
    let replace = false;
    let pos = 2;
    while (pos < argv.length - 1) {
      const a = argv[pos++];
      if (is(a, "replace")) {
        replace = true;
        continue;
      }
      return err(`ERR Unknown option given: ${cstr(a)}`);
    }
    if (pos >= argv.length) return err("ERR Function code is missing");
    const r = this.create(argv[pos], replace, this.ctx);
    if ("error" in r) return errorReply(r.error);
    this.executor.dirty++;
    return r.name;
  }

  /** FCALL / FCALL_RO <function> <numkeys> [key …] [arg …] */
  fcall(c: ClientState, argv: string[], ro: boolean): Reply {
    // flagged skip_monitor: fed here so that its function's commands follow it (fcallCommand)
    const monitors = this.executor.monitors;
    if (monitors.size !== 0) monitors.feed(c, argv, false);
    const fi = this.ctx.lookup(argv[1]);
    if (fi === undefined) return err("ERR Function not found");
    const n = parseLL(argv[2]);
    if (n === undefined) return err("ERR Bad number of keys provided");
    if (n > argv.length - 3) return err("ERR Number of keys can't be greater than number of args");
    if (n < 0) return err("ERR Number of keys can't be negative");
    const k = Number(n);
    const keys = argv.slice(3, 3 + k);
    const args = argv.slice(3 + k);
    const lua = this.lua;
    return this.runner.run(c, { kind: "function", name: fi.name, flags: fi.flags, ro, command: argv }, () =>
      lua.call(fi, keys, args),
    );
  }

  /** FUNCTION DELETE <library> */
  delete(name: string): Reply {
    const li = this.ctx.libraries.get(name);
    if (li === undefined) return err("ERR Library not found");
    this.ctx.unlink(li);
    this.executor.dirty++;
    return OK;
  }

  /** FUNCTION FLUSH [ASYNC|SYNC] (both free at once here). */
  flush(argv: string[]): Reply {
    if (argv.length > 3) return subcommandSyntaxError(argv);
    if (argv.length === 3 && !is(argv[2], "sync") && !is(argv[2], "async")) {
      return err("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
    }
    this.ctx = new LibraryCtx();
    this.executor.dirty++;
    return OK;
  }

  /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE] */
  list(argv: string[]): Reply {
    let withCode = false;
    let pattern: string | undefined;
    for (let i = 2; i < argv.length; i++) {
      const a = argv[i];
      if (!withCode && is(a, "withcode")) {
        withCode = true;
        continue;
      }
      if (pattern === undefined && is(a, "libraryname")) {
        if (i >= argv.length - 1) return err("ERR library name argument was not given");
        pattern = argv[++i];
        continue;
      }
      return err(blankNewlines(`ERR Unknown argument ${cstr(a)}`));
    }
    const out: Reply[] = [];
    for (const li of this.ctx.libraries.values()) {
      if (pattern !== undefined && !globMatch(pattern, li.name, true)) continue;
      const fns: Reply[] = [];
      for (const fi of li.functions.values()) {
        const flags = FLAG_NAMES.filter(([, bit]) => (fi.flags & bit) !== 0).map(([n]) => new StatusReply(n));
        fns.push(
          new MapReply(["name", fi.name, "description", fi.desc ?? null, "flags", new SetReply(flags)]),
        );
      }
      const entry: Reply[] = ["library_name", li.name, "engine", ENGINE, "functions", fns];
      if (withCode) entry.push("library_code", li.code);
      out.push(new MapReply(entry));
    }
    return out;
  }

  /** FUNCTION STATS: the running function (if any) and the engine's counters. */
  stats(): Reply {
    const ctx = this.runner.current;
    if (ctx !== undefined && ctx.request.kind === "eval") return err(SLOW_EVAL);
    const running =
      ctx === undefined
        ? null
        : new MapReply([
            "name",
            ctx.request.name,
            "command",
            ctx.request.command.slice(),
            "duration_ms",
            Math.floor(ctx.elapsedMs()),
          ]);
    const engine = new MapReply([
      "libraries_count",
      this.ctx.libCount,
      "functions_count",
      this.ctx.functionCount,
    ]);
    return new MapReply(["running_script", running, "engines", new MapReply([ENGINE, engine])]);
  }

  /** FUNCTION KILL (scriptKill with is_eval = 0). */
  kill(): Reply {
    const ctx = this.runner.current;
    if (ctx === undefined) return err("NOTBUSY No scripts in execution right now.");
    if (ctx.written) {
      return err(
        "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
      );
    }
    if (ctx.request.kind === "eval") return err(SLOW_EVAL);
    this.runner.requestKill();
    return OK;
  }

  /** FUNCTION DUMP: every library's code in Redis's payload format. */
  dump(): Reply {
    const codes = [...this.ctx.libraries.values()].map((li) => li.code);
    // libraries of hundreds of MB make a payload past V8's longest string
    return bulkOfBytes(buildPayload(codes));
  }

  /** FUNCTION RESTORE <payload> [FLUSH|APPEND|REPLACE]: all the payload's libraries, or none. */
  restore(argv: string[]): Reply {
    if (argv.length > 4) return subcommandSyntaxError(argv);
    let policy: "append" | "replace" | "flush" = "append";
    if (argv.length === 4) {
      const p = argv[3];
      if (is(p, "append")) policy = "append";
      else if (is(p, "replace")) policy = "replace";
      else if (is(p, "flush")) policy = "flush";
      else return err("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
    }
    const data = Buffer.from(argv[2], "latin1");
    if (!verifyPayload(data)) return err("ERR DUMP payload version or checksum are wrong");
    const tmp = new LibraryCtx();
    const readError = readPayload(data, (code) => {
      const r = this.create(code, false, tmp);
      return "error" in r ? r.error : undefined;
    });
    if (readError !== undefined) return errorReply(readError);
    if (policy === "flush") {
      this.ctx = tmp;
    } else {
      const joinError = this.join(tmp, policy === "replace");
      if (joinError !== undefined) return errorReply(joinError);
    }
    this.executor.dirty++;
    return OK;
  }

  /**
   * libraryJoin: moves every library of `src` into the current set; a name already there is an
   * error, or (replace) is swapped out — and swapped back in if a function name collides.
   */
  private join(src: LibraryCtx, replace: boolean): string | undefined {
    const dst = this.ctx;
    const replaced: LibraryInfo[] = [];
    let error: string | undefined;
    for (const li of src.libraries.values()) {
      const old = dst.libraries.get(li.name);
      if (old === undefined) continue;
      if (!replace) {
        error = `Library ${li.name} already exists`;
        break;
      }
      dst.unlink(old);
      replaced.push(old);
    }
    if (error === undefined) {
      for (const fi of src.functions.values()) {
        if (dst.functions.has(fi.name.toLowerCase())) {
          error = `Function ${fi.name} already exists`;
          break;
        }
      }
    }
    if (error !== undefined) {
      for (const old of replaced) dst.link(old);
      return error;
    }
    for (const li of src.libraries.values()) dst.link(li);
    return undefined;
  }

  /** INFO's figures: counts, the functions' overhead and the Lua VM's size (estimates). */
  memory(): { functions: number; libraries: number; overhead: number; vm: number } {
    let code = 0;
    for (const li of this.ctx.libraries.values()) code += li.code.length;
    return {
      functions: this.ctx.functions.size,
      libraries: this.ctx.libraries.size,
      overhead: CTX_OVERHEAD + this.ctx.cacheMemory,
      vm: LUA_VM_BASE + code * 4,
    };
  }

  commands(): CommandDef[] {
    const keySpec = (ro: boolean): KeySpec[] => [
      {
        notes: `We cannot tell how the keys will be used so we assume the worst, ${ro ? "RO and ACCESS" : "RW and UPDATE"}`,
        flags: ro ? "RO access" : "RW access update",
        begin: 2,
        find: { keynumidx: 0, firstkey: 1, step: 1 },
      },
    ];
    const fcallDef = (name: string, ro: boolean): CommandDef => ({
      name,
      arity: -3,
      flags: [
        ...(ro ? (["readonly"] as const) : []),
        "noscript",
        // a function may write (CLIENT PAUSE WRITE holds it); its flags replace this
        ...(ro ? [] : (["may_replicate"] as const)),
        "stale",
        "skip_monitor",
        "no_mandatory_keys",
        "movablekeys",
      ],
      acl: ["scripting"],
      keySpecs: keySpec(ro),
      getKeys: genericGetKeys(0, 2, 3),
      // fcallGetCommandFlags: the function's flags decide write / deny-oom / stale
      flagsFor: (argv, flags) => {
        const fi = this.ctx.lookup(argv[1]);
        return fi === undefined ? flags : scriptFlagsToCmdFlags(flags, fi.flags);
      },
      handler: (c, a) => this.fcall(c, a, ro),
    });
    const sub = (
      name: string,
      arity: number,
      flags: CommandDef["flags"],
      tips: string[] | undefined,
      handler: CommandDef["handler"],
    ): CommandDef => ({
      name,
      arity,
      flags,
      acl: ["scripting"],
      tips,
      handler,
    });
    const allShards = ["request_policy:all_shards", "response_policy:all_succeeded"];
    return [
      fcallDef("fcall", false),
      fcallDef("fcall_ro", true),
      {
        name: "function",
        arity: -2,
        flags: [],
        subcommands: [
          sub("delete", 3, ["write", "noscript"], allShards, (_c, a) => this.delete(a[2])),
          sub("dump", 2, ["noscript"], undefined, () => this.dump()),
          sub("flush", -2, ["write", "noscript"], allShards, (_c, a) => this.flush(a)),
          sub("help", 2, ["loading", "stale"], undefined, () => FUNCTION_HELP),
          sub(
            "kill",
            2,
            ["noscript", "allow_busy"],
            ["request_policy:all_shards", "response_policy:one_succeeded"],
            () => this.kill(),
          ),
          sub("list", -2, ["noscript"], ["nondeterministic_output_order"], (_c, a) => this.list(a)),
          sub("load", -3, ["write", "denyoom", "noscript"], allShards, (_c, a) => this.load(a)),
          sub("restore", -3, ["write", "denyoom", "noscript"], allShards, (_c, a) => this.restore(a)),
          sub(
            "stats",
            2,
            ["noscript", "allow_busy"],
            ["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
            () => this.stats(),
          ),
        ],
      },
    ];
  }
}

/** addReplyErrorSds for an error built without a code: "ERR " in front, newlines blanked. */
function errorReply(text: string): Reply {
  return err(blankNewlines(`ERR ${text}`));
}

const FUNCTION_HELP = [
  "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "LOAD [REPLACE] <FUNCTION CODE>",
  "    Create a new library with the given library name and code.",
  "DELETE <LIBRARY NAME>",
  "    Delete the given library.",
  "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
  "    Return general information on all the libraries:",
  "    * Library name",
  "    * The engine used to run the Library",
  "    * Library description",
  "    * Functions list",
  "    * Library code (if WITHCODE is given)",
  "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
  "STATS",
  "    Return information about the current function running:",
  "    * Function name",
  "    * Command used to run the function",
  "    * Duration in MS that the function is running",
  "    If no function is running, return nil",
  "    In addition, returns a list of available engines.",
  "KILL",
  "    Kill the current running function.",
  "FLUSH [ASYNC|SYNC]",
  "    Delete all the libraries.",
  "    When called without the optional mode argument, the behavior is determined by the",
  "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
  "    * ASYNC: Asynchronously flush the libraries.",
  "    * SYNC: Synchronously flush the libraries.",
  "DUMP",
  "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
  "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
  "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
  "    control how to handle existing libraries (default APPEND):",
  "    * FLUSH: delete all existing libraries.",
  "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
  "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
  "      libraries with the new libraries (notice that even on this option there is a chance of failure",
  "      in case of functions name collision with another library).",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));
