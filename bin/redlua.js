#!/usr/bin/env node
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
