// Redis's configuration syntax for files and command lines: "directive arg arg" lines split by
// sdssplitargs, '#' comments, `include`, and `redis-server`-style "--name value" arguments.
// Produces (name, value) pairs for Config.setStartup; multi-argument values are joined by spaces.

import fs from "node:fs";
import path from "node:path";
import { splitArgs } from "./protocol/splitargs.js";

export class ConfigFileError extends Error {}

/** Parses config text into [name, value] pairs (value = the arguments joined by a space). */
export function parseConfigText(text: string, file = "(command line)", depth = 0): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const argv = splitArgs(line);
    if (argv === undefined) {
      throw new ConfigFileError(
        `\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line ${i + 1}\n>>> '${line}'\nUnbalanced quotes in configuration line`,
      );
    }
    if (argv.length === 0) return;
    const name = argv[0].toLowerCase();
    if (name === "include") {
      if (depth > 10) throw new ConfigFileError("include nesting too deep");
      const inc = path.resolve(path.dirname(file), argv[1] ?? "");
      out.push(...parseConfigText(fs.readFileSync(inc, "latin1"), inc, depth + 1));
      return;
    }
    out.push([name, argv.slice(1).join(" ")]);
  });
  return out;
}

/**
 * redis-server's command line: an optional config file first, then "--name value..." options
 * (a value may span several words until the next "--"). Returns the file and the option text.
 */
export function parseCommandLine(args: string[]): { file?: string; pairs: [string, string][] } {
  let file: string | undefined;
  let i = 0;
  if (args[0] !== undefined && !args[0].startsWith("--")) {
    file = args[0];
    i = 1;
  }
  const pairs: [string, string][] = [];
  while (i < args.length) {
    const a = args[i];
    if (!a.startsWith("--")) throw new ConfigFileError(`Unexpected argument '${a}'`);
    const name = a.slice(2).toLowerCase();
    const vals: string[] = [];
    i++;
    while (i < args.length && !args[i].startsWith("--")) vals.push(args[i++]);
    pairs.push([name, vals.join(" ")]);
  }
  return { file, pairs };
}
