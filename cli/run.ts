// `redlua run FILE.lua [args...]`: runs a Lua file as `lua5.1 FILE.lua` does — same
// output, `arg` table and `...`, errors printed as "lua5.1: FILE:LINE: message" plus a
// traceback, exit status 1 on error and os.exit's status otherwise.
import { readFileSync, writeSync } from "node:fs";
import { LuaEngine } from "../runtime/engine.js";
import { errorOptions } from "../runtime/errors.js";

export function runCommand(args: string[]): number {
  const [file, ...scriptArgs] = args;
  if (file === undefined) {
    process.stderr.write("usage: redlua run FILE.lua [args...]\n");
    return 1;
  }
  let source: string;
  try {
    source = readFileSync(file, "latin1");
  } catch {
    process.stderr.write(`lua5.1: cannot open ${file}\n`);
    return 1;
  }
  const chunks: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunks.length === 0) return;
    writeOut(Buffer.from(chunks.join(""), "latin1"));
    chunks.length = 0;
    size = 0;
  };
  const engine = new LuaEngine({
    profile: "cli",
    stdout: (s) => {
      chunks.push(s);
      size += s.length;
      if (size > 1 << 16) flush();
    },
    argv: scriptArgs,
    scriptName: file,
  });
  errorOptions.traceback = true;
  const r = engine.runMain(source, file, scriptArgs);
  flush();
  if (r.stderr) process.stderr.write(Buffer.from(r.stderr, "latin1"));
  return r.status;
}

const wait = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to fd 1 directly rather than through process.stdout, whose stream Node builds on first
 * use (its stream modules cost `redlua run` ~4 ms of start-up; a pipe's stream also makes fd 1
 * non-blocking). A non-blocking fd 1 that is full is waited on; a closed one (EPIPE) ends the
 * output, as lua5.1's stdio would stop writing.
 */
function writeOut(buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") return;
      Atomics.wait(wait, 0, 0, 1);
    }
  }
}
