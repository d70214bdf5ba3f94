// Runs a Lua file as `redlua run` does (the CLI profile), with Redis's cjson, cmsgpack, struct
// and bit also reachable through `require`, as lua5.1 reaches Debian's lua-cjson: the
// string-heavy benchmarks (bench/strings.ts) load them with `cjson or require("cjson")`.
// usage: node --stack-size=3900 dist/bench/lua-host.js FILE.lua [args...]
import { readFileSync } from "node:fs";
import { LuaEngine } from "../runtime/engine.js";
import { LuaTable } from "../runtime/table.js";
import { makeCjsonLib } from "../runtime/lib/cjson.js";
import { makeCmsgpackLib } from "../runtime/lib/cmsgpack.js";
import { makeStructLib } from "../runtime/lib/struct.js";
import { makeBitLib } from "../runtime/lib/bit.js";

const [file, ...args] = process.argv.slice(2);
let out = "";
const engine = new LuaEngine({
  profile: "cli",
  stdout: (s) => {
    out += s;
  },
  argv: args,
  scriptName: file,
});
const preload = (engine.globals.getStr("package") as LuaTable).getStr("preload") as LuaTable;
const libs: [string, () => LuaTable][] = [
  ["cjson", makeCjsonLib],
  ["cmsgpack", makeCmsgpackLib],
  ["struct", makeStructLib],
  ["bit", makeBitLib],
];
for (const [name, make] of libs) preload.setStr(name, () => make());
const r = engine.runMain(readFileSync(file, "latin1"), file, args);
process.stdout.write(Buffer.from(out, "latin1"));
if (r.stderr) process.stderr.write(Buffer.from(r.stderr, "latin1"));
process.exitCode = r.status;
