// EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (eval.c's thin layer): the cache of
// compiled bodies keyed by SHA1, numkeys parsing, shebang flags, and the commands' table
// entries. Running goes through the shared ScriptRunner; Lua lives in ScriptLuaState.
import { LuaError } from "../../runtime/errors.js";
import type { LuaFunction } from "../../runtime/value.js";
import { countRun } from "../../runtime/line-hook.js";
import { blankNewlines } from "../../runtime/lib/bytemap.js";
import type { ClientState } from "../client.js";
import { genericGetKeys } from "../commands/getkeys.js";
import type { CommandDef, KeySpec } from "../commands/table.js";
import type { Executor } from "../executor.js";
import { err, ErrorReply, OK, StatusReply, type Reply } from "../reply.js";
import { parseLL } from "../util/numbers.js";
import { ScriptLuaState, sha1hex } from "./lua-env.js";
import { ScriptRunner, scriptFlagsToCmdFlags } from "./runner.js";
import { evalShebang, SCRIPT_FLAG, stripShebang } from "./shebang.js";

interface CachedScript {
  fn: LuaFunction;
  /** its SHA1, lower case */
  sha: string;
  body: string;
  flags: number;
  /** runs so far (countRun) */
  runs: number;
}

const NOSCRIPT = err("NOSCRIPT No matching script. Please use EVAL.");

/** The key positions of EVAL-style commands: numkeys at argv[2], keys after it. */
/** Parses numkeys and splits KEYS/ARGV, with Redis's errors. */
export type KeysArgs = { error: undefined; keys: string[]; args: string[] } | { error: Reply };

export function splitKeys(argv: string[], at: number): KeysArgs {
  const n = parseLL(argv[at]);
  if (n === undefined) return { error: err("ERR value is not an integer or out of range") };
  if (n < 0) return { error: err("ERR Number of keys can't be negative") };
  if (n > argv.length - at - 1) {
    return { error: err("ERR Number of keys can't be greater than number of args") };
  }
  const k = Number(n);
  return { error: undefined, keys: argv.slice(at + 1, at + 1 + k), args: argv.slice(at + 1 + k) };
}

export class EvalScripts {
  /** the Lua state scripts run in: SCRIPT FLUSH starts a new one, as Redis's scriptingReset */
  state: ScriptLuaState;
  readonly cache = new Map<string, CachedScript>();
  /** bytes of script bodies held (INFO used_memory_scripts_eval) */
  bodyBytes = 0;
  /** clients that asked for SCRIPT DEBUG YES|SYNC */
  private readonly debugging = new WeakSet<ClientState>();

  constructor(
    readonly executor: Executor,
    readonly runner: ScriptRunner,
  ) {
    this.state = this.newState();
  }

  private newState(): ScriptLuaState {
    const state = new ScriptLuaState(this.runner, "eval");
    state.engine.interrupts.check = () => this.runner.interruptCheck();
    return state;
  }

  /** The last body hashed and its SHA1: EVAL's flags lookup and its run hash it once. */
  private lastBody = "";
  private lastSha = sha1hex("");

  private shaOf(body: string): string {
    if (body !== this.lastBody) {
      this.lastBody = body;
      this.lastSha = sha1hex(body);
    }
    return this.lastSha;
  }

  /**
   * evalGetCommandFlags: the flags EVAL/EVALSHA run with — a script that declares flags (in the
   * cache, or in the shebang of a body not cached yet) has them replace write / deny-oom / stale
   * / may-replicate; otherwise the command's own.
   */
  commandFlags(argv: string[], flags: number, bySha: boolean): number {
    const cached = bySha ? this.find(argv[1]) : this.cache.get(this.shaOf(argv[1]));
    let sf: number;
    if (cached !== undefined) sf = cached.flags;
    else {
      if (bySha) return flags;
      const sb = evalShebang(argv[1]);
      if ("error" in sb) return flags;
      sf = sb.flags;
    }
    return (sf & SCRIPT_FLAG.evalCompat) !== 0 ? flags : scriptFlagsToCmdFlags(flags, sf);
  }

  /** The last digest found and its entry: EVALSHA's flags lookup and its run find it once. */
  private lastDigest = "";
  private lastFound: CachedScript | undefined = undefined;

  /** The cached script a digest names (any case; clients send lower case, so try that first). */
  private find(sha: string): CachedScript | undefined {
    if (sha === this.lastDigest) return this.lastFound;
    if (sha.length !== 40) return undefined;
    const found = this.cache.get(sha) ?? this.cache.get(sha.toLowerCase());
    if (found !== undefined) {
      this.lastDigest = sha;
      this.lastFound = found;
    }
    return found;
  }

  /** Compiles and caches a body (or finds it); returns the cache entry or an error reply. */
  private load(body: string, sha: string): CachedScript | ErrorReply {
    const cached = this.cache.get(sha);
    if (cached !== undefined) return cached;
    const sb = evalShebang(body);
    if ("error" in sb) return err(sb.error);
    let fn: LuaFunction;
    try {
      fn = this.state.compile(stripShebang(body), "user_script");
    } catch (e) {
      if (e instanceof LuaError) {
        return err(blankNewlines(`ERR Error compiling script (new function): ${String(e.value)}`));
      }
      throw e;
    }
    const entry = { fn, sha, body, flags: sb.flags, runs: 0 };
    this.cache.set(sha, entry);
    this.bodyBytes += body.length;
    return entry;
  }

  /** EVAL / EVAL_RO / EVALSHA / EVALSHA_RO */
  eval(c: ClientState, argv: string[], bySha: boolean, ro: boolean): Reply {
    // flagged skip_monitor: fed here so that its script's commands follow it (evalCommand)
    const monitors = this.executor.monitors;
    if (monitors.size !== 0) monitors.feed(c, argv, false);
    const split = splitKeys(argv, 2);
    if (split.error !== undefined) return split.error;
    let sha: string;
    let script: CachedScript;
    if (bySha) {
      const found = this.find(argv[1]);
      if (found === undefined) return NOSCRIPT;
      script = found;
      sha = found.sha;
    } else {
      sha = this.shaOf(argv[1]);
      const loaded = this.load(argv[1], sha);
      if (loaded instanceof ErrorReply) return loaded;
      script = loaded;
    }
    if (this.debugging.has(c)) {
      this.debugging.delete(c);
      return err("ERR Fork() failed: can't run EVAL in debugging mode: Operation not supported");
    }
    const state = this.state;
    return this.runner.run(c, { kind: "eval", name: sha, flags: script.flags, ro, command: argv }, () => {
      state.engine.enter();
      state.setKeysArgs(split.keys, split.args);
      script.runs = countRun(script.runs);
      return script.fn();
    });
  }

  scriptLoad(body: string): Reply {
    const sha = sha1hex(body);
    const r = this.load(body, sha);
    return r instanceof ErrorReply ? r : sha;
  }

  /** Drops the cached scripts and their Lua state (cjson settings and all go with it). */
  flush(): void {
    this.state = this.newState();
    this.cache.clear();
    this.lastDigest = "";
    this.lastFound = undefined;
    this.bodyBytes = 0;
  }

  commands(): CommandDef[] {
    const rw: KeySpec[] = [
      {
        notes: "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE",
        flags: "RW access update",
        begin: 2,
        find: { keynumidx: 0, firstkey: 1, step: 1 },
      },
    ];
    const ro: KeySpec[] = [
      {
        notes: "We cannot tell how the keys will be used so we assume the worst, RO and ACCESS",
        flags: "RO access",
        begin: 2,
        find: { keynumidx: 0, firstkey: 1, step: 1 },
      },
    ];
    const evalDef = (name: string, bySha: boolean, readOnly: boolean): CommandDef => ({
      name,
      arity: -3,
      flags: [
        ...(readOnly ? (["readonly"] as const) : []),
        "noscript",
        // a script may write (CLIENT PAUSE WRITE holds it); declared flags replace this
        ...(readOnly ? [] : (["may_replicate"] as const)),
        "stale",
        "skip_monitor",
        "no_mandatory_keys",
        "movablekeys",
      ],
      acl: ["scripting"],
      keySpecs:
        name === "evalsha"
          ? [{ ...rw[0], notes: undefined }]
          : name === "evalsha_ro"
            ? [{ ...ro[0], notes: undefined }]
            : readOnly
              ? ro
              : rw,
      getKeys: genericGetKeys(0, 2, 3),
      flagsFor: (a, flags) => this.commandFlags(a, flags, bySha),
      handler: (c, a) => this.eval(c, a, bySha, readOnly),
    });
    const sub = (
      name: string,
      arity: number,
      flags: CommandDef["flags"],
      handler: CommandDef["handler"],
      extra: Partial<CommandDef> = {},
    ): CommandDef => ({
      name,
      arity,
      flags,
      acl: ["scripting"],
      handler,
      ...extra,
    });
    return [
      evalDef("eval", false, false),
      evalDef("evalsha", true, false),
      evalDef("eval_ro", false, true),
      evalDef("evalsha_ro", true, true),
      {
        name: "script",
        arity: -2,
        flags: [],
        subcommands: [
          sub("debug", 3, ["noscript"], (c, a) => this.debug(c, a[2])),
          sub(
            "exists",
            -3,
            ["noscript"],
            (_c, a) => a.slice(2).map((s) => (this.cache.has(s.toLowerCase()) ? 1 : 0)),
            {
              tips: ["request_policy:all_shards", "response_policy:agg_logical_and"],
            },
          ),
          sub("flush", -2, ["noscript"], (_c, a) => this.flushCommand(a), {
            tips: ["request_policy:all_nodes", "response_policy:all_succeeded"],
          }),
          sub("help", 2, ["loading", "stale"], () => SCRIPT_HELP),
          sub("kill", 2, ["noscript", "allow_busy"], () => this.kill(), {
            tips: ["request_policy:all_shards", "response_policy:one_succeeded"],
          }),
          sub("load", 3, ["noscript", "stale"], (_c, a) => this.scriptLoad(a[2]), {
            tips: ["request_policy:all_nodes", "response_policy:all_succeeded"],
          }),
        ],
      },
    ];
  }

  private debug(c: ClientState, mode: string): Reply {
    switch (mode.toLowerCase()) {
      case "no":
        this.debugging.delete(c);
        return OK;
      case "yes":
      case "sync":
        this.debugging.add(c);
        return OK;
    }
    return err("ERR Use SCRIPT DEBUG YES/SYNC/NO");
  }

  private flushCommand(argv: string[]): Reply {
    if (argv.length > 3) return err("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    if (argv.length === 3) {
      const m = argv[2].toLowerCase();
      if (m !== "sync" && m !== "async") return err("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    }
    this.flush();
    return OK;
  }

  /** SCRIPT KILL (the busy-script machinery decides what can actually be killed). */
  kill(): Reply {
    const ctx = this.runner.current;
    if (ctx === undefined) return err("NOTBUSY No scripts in execution right now.");
    if (ctx.written) {
      return err(
        "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
      );
    }
    if (ctx.request.kind !== "eval") {
      return err("BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.");
    }
    this.runner.requestKill();
    return OK;
  }
}

const SCRIPT_HELP = [
  "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "DEBUG (YES|SYNC|NO)",
  "    Set the debug mode for subsequent scripts executed.",
  "EXISTS <sha1> [<sha1> ...]",
  "    Return information about the existence of the scripts in the script cache.",
  "FLUSH [ASYNC|SYNC]",
  "    Flush the Lua scripts cache. Very dangerous on replicas.",
  "    When called without the optional mode argument, the behavior is determined by the",
  "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
  "    * ASYNC: Asynchronously flush the scripts cache.",
  "    * SYNC: Synchronously flush the scripts cache.",
  "KILL",
  "    Kill the currently executing Lua script.",
  "LOAD <script>",
  "    Load a script into the scripts cache without executing it.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));
