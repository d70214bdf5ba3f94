#!/usr/bin/env -S node --stack-size=3900
// --stack-size: lua5.1 allows ~16,000 nested Lua calls; V8's default stack holds ~7,000 of ours.
// 3,900 KB stays well inside the 8 MB main-thread stack Linux gives a process.
// The `redlua` command: `redlua run FILE.lua`, `redlua compile FILE.lua`, `redlua server`.
// The TypeScript sources build to dist/ (npm run build); this file only forwards to them.
import { main } from "../dist/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === "number") process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`redlua: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
