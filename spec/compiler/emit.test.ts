// The compiler's output: every Lua file in the corpora compiles to JS that acorn reparses,
// that names no free identifier except the helpers (so Lua can't reach a JS global), and
// whose line table maps statements back to their Lua lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as acorn from "acorn";
import { compile, CompileError, HELPERS } from "../../compiler/index.js";

const ROOT = new URL("../../../", import.meta.url).pathname;

function luaFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(luaFiles(p));
    else if (e.endsWith(".lua")) out.push(p);
  }
  return out;
}

/** Free identifiers of a JS program: names used but declared nowhere in it. */
function freeIdentifiers(js: string): Set<string> {
  const ast = acorn.parse(js, { ecmaVersion: "latest" }) as unknown as acorn.Node;
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (n: unknown, parentKey?: string, parent?: Record<string, unknown>): void => {
    if (n === null || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x, parentKey, parent);
      return;
    }
    const node = n as Record<string, unknown> & { type: string };
    if (node.type === "Identifier") {
      const name = node.name as string;
      const isProp =
        parent !== undefined &&
        ((parent.type === "MemberExpression" && parentKey === "property" && !parent.computed) ||
          (parent.type === "Property" && parentKey === "key"));
      if (!isProp) used.add(name);
      if (
        parent !== undefined &&
        ((parent.type === "VariableDeclarator" && parentKey === "id") ||
          ((parent.type === "FunctionExpression" || parent.type === "FunctionDeclaration") &&
            (parentKey === "params" || parentKey === "id")) ||
          (parent.type === "RestElement" && parentKey === "argument") ||
          (parent.type === "Property" && parentKey === "value"))
      ) {
        declared.add(name);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== "loc") visit(v, k, node);
  };
  visit(ast);
  return new Set([...used].filter((u) => !declared.has(u)));
}

const ALLOWED_FREE = new Set(["Math", "undefined"]);

test("every corpus file compiles to JS that reparses and names no outside identifier", () => {
  const files = [...luaFiles(join(ROOT, "spec")), ...luaFiles(join(ROOT, "bench"))];
  assert.ok(files.length > 0, "no Lua files found");
  let compiled = 0;
  for (const file of files) {
    const src = readFileSync(file, "latin1");
    let js: string;
    try {
      js = compile(src, { chunkName: file, coroutines: true }).js;
    } catch (e) {
      if (e instanceof CompileError) continue; // syntax-error cases
      throw e;
    }
    const free = [...freeIdentifiers(js)].filter((n) => !ALLOWED_FREE.has(n));
    assert.deepEqual(free, [], `${file}: free identifiers ${free.join(", ")}`);
    compiled++;
  }
  assert.ok(compiled > 0);
});

test("helpers are the only names a chunk receives", () => {
  const { js } = compile("return x", { chunkName: "t" });
  for (const name of Object.values(HELPERS)) assert.ok(js.includes(name), `helper ${name} not destructured`);
});

test("interrupt checks at function entry and at every loop back-edge", () => {
  const src = [
    "local function f() end", // 1 (entry)
    "while true do break end", // 2
    "repeat until true", // 3
    "for i = 1, 2 do end", // 4
    "for k in pairs({}) do end", // 5
  ].join("\n");
  const { js } = compile(src, { chunkName: "t" });
  const checks = js.split("\n").filter((l) => l.includes("if (--$C.n < 0) $hook();"));
  // main chunk entry + f entry + four loops
  assert.equal(checks.length, 6);
});

test("line table maps emitted calls back to their Lua lines", () => {
  const src = "local a = 1\n\nlocal b = g(a)\nprint(b)\n";
  const r = compile(src, { chunkName: "t" });
  const jsLines = r.js.split("\n");
  const gLine = jsLines.findIndex((l) => l.includes('"g"')) + 1;
  const col = jsLines[gLine - 1].indexOf('"g"') + 1;
  assert.equal(r.lines.lookup(gLine, col), 3);
  const pLine = jsLines.findIndex((l) => l.includes('"print"')) + 1;
  assert.equal(r.lines.lookup(pLine, jsLines[pLine - 1].indexOf('"print"') + 1), 4);
});

test("source map is valid JSON naming the Lua source", () => {
  const r = compile("local x = 1\nreturn x + 1\n", {
    chunkName: "t.lua",
    sourceMap: true,
    sourceFile: "t.lua",
  });
  const map = JSON.parse(r.map!);
  assert.equal(map.version, 3);
  assert.deepEqual(map.sources, ["t.lua"]);
  assert.ok(map.mappings.length > 0);
});

test("syntax errors come out in Lua 5.1's form", () => {
  assert.throws(
    () => compile("x = = 1", { chunkName: "t" }),
    (e: unknown) => e instanceof CompileError && e.format("t") === "t:1: unexpected symbol near '='",
  );
});
