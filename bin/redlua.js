#!/usr/bin/env -S node --stack-size=3900
// --stack-size: lua5.1 allows ~16,000 nested Lua calls; V8's default stack holds ~7,000 of ours.
// 3,900 KB stays well inside the 8 MB main-thread stack Linux gives a process.
// The `redlua` command: `redlua run FILE.lua`, `redlua compile FILE.lua`, `redlua server`.
// The TypeScript sources build to dist/ (npm run build); this file only forwards to them.
// `run` starts from the CommonJS copy in dist-cjs/ (cli/pack.ts) with V8's code cache when
// that copy is as new as dist/ (start-up counts for `redlua run`), else (or with
// REDLUA_NO_PACK=1) from dist/.
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);

function fail(err) {
  process.stderr.write(`redlua: ${err && err.stack ? err.stack : String(err)}\n`);
  process.exitCode = 1;
}

/** dist-cjs/cli/run.js's runCommand, if dist-cjs/ was made from the dist/ files there are now. */
function packedRunCommand() {
  const dir = path.join(ROOT, "dist-cjs");
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    for (const [rel, mtime] of manifest) {
      if (fs.statSync(path.join(ROOT, "dist", rel)).mtimeMs !== mtime) return undefined;
    }
  } catch {
    return undefined;
  }
  useCodeCache(path.join(dir, ".codecache"));
  return createRequire(path.join(dir, "cli", "run.js"))("./run.js").runCommand;
}

/**
 * Compiles CommonJS modules with V8's code cache, kept in one file: a module without an entry
 * gets one when the run ends, holding the functions the run compiled (the cache is only a
 * speed-up; any failure just skips it).
 */
function useCodeCache(file) {
  let cache = {};
  try {
    cache = v8.deserialize(fs.readFileSync(file));
  } catch {
    // no cache yet
  }
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    const cached = cache[filename];
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData: cached });
    } catch {
      return compile.call(this, content, filename);
    }
    if (cached === undefined || script.cachedDataRejected) fresh.push([filename, script]);
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.main = process.mainModule;
    require.cache = Module._cache;
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (fresh.length === 0) return;
    try {
      for (const [filename, script] of fresh) cache[filename] = script.createCachedData();
      const tmp = `${file}.${process.pid}`;
      fs.writeFileSync(tmp, v8.serialize(cache));
      fs.renameSync(tmp, file);
    } catch {
      // a read-only install: no cache
    }
  });
}

let runCommand;
if (argv[0] === "run" && process.env.REDLUA_NO_PACK !== "1") {
  try {
    runCommand = packedRunCommand();
  } catch {
    runCommand = undefined;
  }
}
if (runCommand !== undefined) {
  try {
    process.exitCode = runCommand(argv.slice(1));
  } catch (err) {
    fail(err);
  }
} else {
  import("../dist/cli/main.js")
    .then(({ main }) => main(argv))
    .then((code) => {
      if (typeof code === "number") process.exitCode = code;
    }, fail);
}
