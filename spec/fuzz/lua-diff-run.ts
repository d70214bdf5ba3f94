// Runs generated programs under the real lua5.1, many per process: a small Lua driver loads
// each program with loadstring (chunk name "@seed-N.lua", as `lua5.1 seed-N.lua` would), gives
// it a fresh copy of the globals, runs it under pcall and reports its exit status and error line
// the way lua.c would. Each program's output ends with a marker that carries those.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Expectation } from "../lua/corpus.js";
import { referenceEnv } from "../lua/record.js";

const MARK = "\0\x01END\x01";
/** Written before the marker when lua5.1 could not compile a program: a generator bug. */
const SYNTAX = "\\0\\1SYNTAX\\1";

// lua.c's report(): a string or number is printed after "lua5.1: ", nil prints nothing,
// anything else "(error object is not a string)".
const DRIVER = `
local manifest = assert(io.open(arg[1], "rb"))
for line in manifest:lines() do
  local seed, file = line:match("^(%d+)\\t(.*)$")
  local fh = assert(io.open(file, "rb"))
  local src = fh:read("*a")
  fh:close()
  local env = {}
  for k, v in pairs(_G) do env[k] = v end
  env._G = env
  local status, msg = 0, ""
  local f, err = loadstring(src, "@seed-" .. seed .. ".lua")
  if not f then
    status, msg = 1, "lua5.1: " .. err
    io.stdout:write("${SYNTAX}")
  else
    setfenv(f, env)
    local ok, e = pcall(f)
    if not ok then
      status = 1
      if type(e) == "string" or type(e) == "number" then msg = "lua5.1: " .. tostring(e)
      elseif e == nil then msg = ""
      else msg = "lua5.1: (error object is not a string)" end
    end
  end
  io.stdout:write("${MARK.replace(/\0/g, "\\0").replace(/\x01/g, "\\1")}", seed, "\\1", status, "\\1", msg, "\\1\\0")
  io.stdout:flush()
end
`;

/** lua5.1's result for a program; `syntaxError` means the generator wrote invalid Lua. */
export interface Reference extends Expectation {
  syntaxError: boolean;
}

export interface Source {
  seed: number;
  text: string;
}

/** Runs programs under lua5.1 in one process; results by seed. Throws if lua5.1 fails. */
export function runReferenceBatch(programs: Source[], timeoutMs = 120_000): Map<number, Reference> {
  const dir = mkdtempSync(path.join(tmpdir(), "lua-diff-"));
  try {
    const driver = path.join(dir, "driver.lua");
    writeFileSync(driver, DRIVER, "latin1");
    const lines: string[] = [];
    for (const p of programs) {
      const file = path.join(dir, `seed-${p.seed}.lua`);
      writeFileSync(file, p.text, "latin1");
      lines.push(`${p.seed}\t${file}`);
    }
    const manifest = path.join(dir, "manifest.txt");
    writeFileSync(manifest, lines.join("\n") + "\n", "latin1");
    const r = spawnSync("lua5.1", [driver, manifest], {
      cwd: dir,
      env: referenceEnv(),
      input: "",
      timeout: timeoutMs,
      maxBuffer: 512 * 1024 * 1024,
    });
    if (r.error) throw new Error(`lua5.1 failed to run the batch: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`lua5.1 driver exited ${r.status}: ${r.stderr.toString("latin1")}`);
    return parseBatch(r.stdout.toString("latin1"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseBatch(out: string): Map<number, Reference> {
  const results = new Map<number, Reference>();
  const syntax = "\0\x01SYNTAX\x01";
  let pos = 0;
  for (;;) {
    const m = out.indexOf(MARK, pos);
    if (m < 0) break;
    const end = out.indexOf("\x01\0", m + MARK.length);
    const [seed, status, msg] = out.slice(m + MARK.length, end).split("\x01");
    const stdout = out.slice(pos, m);
    const syntaxError = stdout.endsWith(syntax);
    results.set(Number(seed), {
      syntaxError,
      stdout: syntaxError ? stdout.slice(0, -syntax.length) : stdout,
      stderr: msg === "" ? "" : msg + "\n",
      status: Number(status),
    });
    pos = end + 2;
  }
  return results;
}
