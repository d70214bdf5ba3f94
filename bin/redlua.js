#!/usr/bin/env -S node --stack-size=3900
// --stack-size: lua5.1 allows ~16,000 nested Lua calls; V8's default stack holds ~7,000 of ours.
// 3,900 KB stays well inside the 8 MB main-thread stack Linux gives a process.
// The `redlua` command: `redlua run FILE.lua`, `redlua compile FILE.lua`, `redlua server`.
// The TypeScript sources build to dist/ (npm run build); this file only forwards to them.
// `run` starts from the CommonJS copy in dist-cjs/ (cli/pack.ts) with V8's code cache when
// that copy is as new as dist/ (start-up counts for `redlua run`), else (or with
// REDLUA_NO_PACK=1) from dist/.
// This file is CommonJS (bin/package.json): an ES module entry would start Node's ESM loader
// and evaluate every export of each builtin it imports, ~10 ms that `redlua run` pays before
// any Lua runs.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.join(__dirname, "..");
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
  const files = new Set(manifest.map(([rel]) => path.join(dir, rel)));
  return loadPacked(files, path.join(dir, ".codecache"))(path.join(dir, "cli", "run.js")).runCommand;
}

// The cache file: for each module, its file name's length (u32), the name (utf8), its cached
// data's length (u32) and the data. (node:v8's serializer would load the heap-snapshot and
// stream modules with it.)
function readCache(buf) {
  const cache = {};
  let pos = 0;
  while (pos < buf.length) {
    const nameLen = buf.readUInt32LE(pos);
    const name = buf.toString("utf8", pos + 4, pos + 4 + nameLen);
    pos += 4 + nameLen;
    const dataLen = buf.readUInt32LE(pos);
    cache[name] = buf.subarray(pos + 4, pos + 4 + dataLen);
    pos += 4 + dataLen;
  }
  if (pos !== buf.length) throw new Error("truncated code cache");
  return cache;
}

function writeCache(cache) {
  const parts = [];
  for (const [name, data] of Object.entries(cache)) {
    const n = Buffer.from(name, "utf8");
    const head = Buffer.alloc(4);
    head.writeUInt32LE(n.length);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(data.length);
    parts.push(head, n, len, data);
  }
  return Buffer.concat(parts);
}

/**
 * A loader for dist-cjs/'s CommonJS modules (`files`, absolute paths): each is compiled with
 * V8's code cache, kept in one file (a module without an entry gets one when the run ends,
 * holding the functions the run compiled; the cache is only a speed-up, any failure skips it).
 * A relative require between them is resolved by joining paths, without the search, stats and
 * package.json reads of node's resolution; anything else (node:*, the npm dependencies) goes
 * through node's require. Modules keep their file names, which the runtime's stack inspection
 * reads (runtime/errors.ts). Returns the loader: a module's exports by absolute path.
 */
function loadPacked(files, cacheFile) {
  let cache = {};
  try {
    cache = readCache(fs.readFileSync(cacheFile));
  } catch {
    // no cache yet
  }
  const fresh = [];
  const loaded = new Map();
  const nodeRequire = Module.createRequire(cacheFile);
  const load = (filename) => {
    const done = loaded.get(filename);
    if (done !== undefined) return done.exports;
    const module = { exports: {}, filename, loaded: false };
    loaded.set(filename, module);
    const cached = cache[filename];
    const script = new vm.Script(Module.wrap(fs.readFileSync(filename, "utf8")), {
      filename,
      cachedData: cached,
    });
    if (cached === undefined || script.cachedDataRejected) fresh.push([filename, script]);
    const dirname = path.dirname(filename);
    const require = (id) => {
      if (id.startsWith(".")) {
        const target = path.join(dirname, id);
        if (files.has(target)) return load(target);
      }
      return nodeRequire(id);
    };
    script
      .runInThisContext({ displayErrors: true })
      .call(module.exports, module.exports, require, module, filename, dirname);
    module.loaded = true;
    return module.exports;
  };
  process.once("exit", () => {
    if (fresh.length === 0) return;
    try {
      for (const [filename, script] of fresh) cache[filename] = script.createCachedData();
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, writeCache(cache));
      fs.renameSync(tmp, cacheFile);
    } catch {
      // a read-only install: no cache
    }
  });
  return load;
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
