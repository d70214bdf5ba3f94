// A few emitted-JS snapshots where the shape of the output is the point: the interrupt
// checks, the call/fast-path shapes and the source positions. Regenerate with
// UPDATE_SNAPSHOTS=1 after a deliberate change to code generation, and review the diff.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/index.js";

const DIR = new URL("../../../spec/compiler/snapshots/", import.meta.url).pathname;

const CASES: Record<string, string> = {
  instrumentation: [
    "local function count(n)",
    "  local i = 0",
    "  while i < n do i = i + 1 end",
    "  repeat i = i - 1 until i <= 0",
    "  for k = 1, n do i = i + k end",
    "  for _, v in ipairs({n}) do i = i + v end",
    "  return i",
    "end",
    "return count(3)",
  ].join("\n"),
  calls: [
    "local t = setmetatable({}, {__index = string})",
    "local s = ('x'):rep(3) .. t.upper('y')",
    "print(s, #s, select('#', ...))",
    "return f(...)",
  ].join("\n"),
};

for (const [name, src] of Object.entries(CASES)) {
  test(`emitted JS snapshot: ${name}`, () => {
    const r = compile(src, { chunkName: name, sourceMap: true, sourceFile: `${name}.lua` });
    const text = `${r.js}\n// source map\n${r.map}\n`;
    const file = join(DIR, `${name}.js.snap`);
    if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(file)) {
      writeFileSync(file, text);
      if (process.env.UPDATE_SNAPSHOTS !== "1")
        assert.fail(`snapshot ${file} was missing and has been written`);
      return;
    }
    assert.equal(
      text,
      readFileSync(file, "utf8"),
      `emitted JS for '${name}' changed: if deliberate, run UPDATE_SNAPSHOTS=1 node --test dist/spec/compiler/`,
    );
  });
}
