// `redlua compile FILE.lua [-o OUT.js] [--source-map]`: writes the JavaScript a Lua file
// compiles to (and its source map, OUT.js.map), so the generated code can be read and
// mapped back to the Lua lines.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { compile, CompileError } from "../compiler/index.js";

export function compileCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: "string", short: "o" }, "source-map": { type: "boolean" } },
  });
  const file = positionals[0];
  if (file === undefined) {
    process.stderr.write("usage: redlua compile FILE.lua [-o OUT.js] [--source-map]\n");
    return 1;
  }
  const source = readFileSync(file, "latin1");
  const out = values.output;
  try {
    const r = compile(source, {
      chunkName: file,
      sourceMap: values["source-map"] === true,
      sourceFile: basename(file),
    });
    let js = r.js;
    if (r.map !== undefined && out !== undefined) {
      writeFileSync(out + ".map", r.map);
      js += `\n//# sourceMappingURL=${basename(out)}.map\n`;
    }
    if (out !== undefined) writeFileSync(out, js);
    else process.stdout.write(js + "\n");
    return 0;
  } catch (e) {
    if (e instanceof CompileError) {
      process.stderr.write(`redlua: ${e.format(file)}\n`);
      return 1;
    }
    throw e;
  }
}
