// Which libraries each profile gets, and the globals that go with them: "cli" is what
// the standalone lua5.1 gives a script; "redis" is what Redis 7.0 gives EVAL scripts
// (the server adds the `redis` table and global protection on top).
import { LuaTable } from "../table.js";
import * as ops from "../ops.js";
import { LuaError } from "../errors.js";
import { makeStringLib } from "./string.js";
import { makeCoroutineLib } from "./coroutine.js";
import { makeOsLib, makeIoLib, makeDebugLib } from "./os.js";
import { makeBitLib } from "./bit.js";
import { makeCmsgpackLib } from "./cmsgpack.js";
import { makeStructLib } from "./struct.js";
import { makeCjsonLib } from "./cjson.js";
import { installPackage } from "./package.js";
import { makeMathLib, type MathLibOptions } from "./math.js";
import { makeTableLib } from "./table.js";
import { setRedisStringHash } from "../table-hash.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaValue } from "../value.js";
import { readFileSync } from "node:fs";
import { checkString } from "./args.js";

export type Profile = "cli" | "redis";

interface Host {
  load(source: string, chunkName: string): LuaFunction;
  readonly globals: LuaTable;
  readonly stringMeta: LuaTable;
  readonly stdout: (s: string) => void;
}

export function installLibraries(
  host: Host,
  options: { profile?: Profile; argv?: string[]; scriptName?: string; random?: MathLibOptions["random"] },
): void {
  const G = host.globals;
  setRedisStringHash(options.profile === "redis"); // Redis's luaS_hash reads every byte
  G.setStr("table", makeTableLib());
  const string = makeStringLib();
  G.setStr("string", string);
  host.stringMeta.setStr("__index", string);
  G.setStr("coroutine", makeCoroutineLib());
  const redis = options.profile === "redis";
  G.setStr("math", makeMathLib({ redis, random: options.random }));
  if (!redis) {
    G.setStr("debug", makeDebugLib());
    G.setStr("os", makeOsLib());
    G.setStr("io", makeIoLib(host.stdout));
    G.setStr("print", function print(...args: LuaValue[]): LuaResult {
      // luaB_print: the global tostring on each argument; a result that isn't a string or a
      // number is an error; fputs writes each piece up to its first NUL
      const tostring = G.getStr("tostring");
      let out = "";
      for (let i = 0; i < args.length; i++) {
        const s = ops.call1(tostring, args[i]);
        let piece: string;
        if (typeof s === "string") piece = s;
        else if (typeof s === "number") piece = ops.tostring(s);
        else throw new LuaError("'tostring' must return a string to 'print'", 1);
        const nul = piece.indexOf("\0");
        if (i > 0) out += "\t";
        out += nul < 0 ? piece : piece.slice(0, nul);
      }
      host.stdout(out + "\n");
      return EMPTY;
    });
    const readChunk = (name: LuaValue, fname: string): LuaFunction => {
      const file = checkString(name, 1, fname);
      let src: string;
      try {
        src = readFileSync(file, "latin1");
      } catch (e) {
        // lauxlib's errfile: "cannot open NAME: strerror(errno)"
        const code = (e as NodeJS.ErrnoException).code;
        const why =
          code === "ENOENT"
            ? "No such file or directory"
            : code === "EACCES"
              ? "Permission denied"
              : String(code);
        if (code === "EISDIR") throw new LuaError(`cannot read ${file}`, 0);
        throw new LuaError(`cannot open ${file}: ${why}`, 0);
      }
      return host.load(src, file);
    };
    G.setStr("loadfile", function loadfile(name: LuaValue): LuaResult {
      try {
        return readChunk(name, "loadfile");
      } catch (e) {
        if (e instanceof LuaError) return [undefined, e.value];
        throw e;
      }
    });
    G.setStr("dofile", function dofile(name: LuaValue): LuaResult {
      return readChunk(name, "dofile")();
    });
    installPackage(G, (src, name) => host.load(src, name));
    const arg = new LuaTable();
    arg.setNum(-1, "lua5.1");
    arg.setNum(0, options.scriptName ?? "?");
    (options.argv ?? []).forEach((a, i) => arg.setNum(i + 1, a));
    G.setStr("arg", arg);
  } else {
    // Redis 7.0's script globals: no getfenv/setfenv/newproxy/debug/print/os/io
    for (const name of ["getfenv", "setfenv", "newproxy"]) G.setStr(name, undefined);
    G.setStr("cjson", makeCjsonLib());
    G.setStr("bit", makeBitLib());
    G.setStr("cmsgpack", makeCmsgpackLib());
    G.setStr("struct", makeStructLib());
  }
}
