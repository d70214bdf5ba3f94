// Build step for the start-up of `redlua run` (npm run build runs it after tsc): writes a
// CommonJS copy of dist/{cli,compiler,runtime} to dist-cjs/, with a manifest of the files it
// was made from. Node loads CommonJS faster than ES modules, and bin/redlua.js keeps V8's code
// cache for it (dist-cjs/.codecache); it falls back to dist/ whenever a dist file is newer than
// the copy (a plain `tsc` rebuild). File names stay dist's own but for the root folder, so the
// runtime's stack inspection (errors.ts: runtime/lib/ = built-ins) reads them the same.
// usage: node dist/cli/pack.js
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const ROOT = join(dirname(new URL(import.meta.url).pathname), "../..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "dist-cjs");
const FOLDERS = ["cli", "compiler", "runtime"];
const SKIP = new Set(["cli/pack.js"]);

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...jsFiles(p));
    else if (e.endsWith(".js")) out.push(p);
  }
  return out;
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  const manifest: [string, number][] = [];
  for (const folder of FOLDERS) {
    for (const file of jsFiles(join(DIST, folder))) {
      const rel = relative(DIST, file);
      if (SKIP.has(rel)) continue;
      const source = readFileSync(file, "utf8").replace(
        /\bimport\.meta\.url\b/g,
        'require("node:url").pathToFileURL(__filename).href',
      );
      const out = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
        fileName: rel,
      }).outputText;
      mkdirSync(dirname(join(OUT, rel)), { recursive: true });
      writeFileSync(join(OUT, rel), out);
      manifest.push([rel, statSync(file).mtimeMs]);
    }
  }
  writeFileSync(join(OUT, "package.json"), '{ "type": "commonjs" }\n');
  writeFileSync(join(OUT, "manifest.json"), JSON.stringify(manifest));
  // one small run fills the code cache with what every run compiles
  const warm = join(tmpdir(), `redlua-warm-${process.pid}.lua`);
  writeFileSync(warm, WARM_UP);
  try {
    spawnSync(process.execPath, ["--stack-size=3900", join(ROOT, "bin/redlua.js"), "run", warm], {
      stdio: "ignore",
    });
  } finally {
    rmSync(warm, { force: true });
  }
}

const WARM_UP = `local t, s = {}, 0
for i = 1, 200 do t[#t + 1] = string.format("%d:%s", i, tostring(i / 3)) end
for k, v in pairs({a = 1, b = 2}) do s = s + v end
for i, v in ipairs(t) do s = s + #v end
local o = setmetatable({}, {__index = function(_, k) return k end})
print(table.concat(t, ",", 1, 3), s, o.x, select("#", 1, 2), (("x"):rep(3)):upper())
`;

main();
