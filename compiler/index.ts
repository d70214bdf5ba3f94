// The compiler: Lua 5.1 source (bytes as a latin1 string) → JS source + line table +
// optional source map. parse (luaparse) → lower (./lower, scopes and visitors) → print
// (astring, mappings collected into a line table and optionally a source-map generator).
// Pure: no I/O, no runtime state; the runtime only shares the helper names (./helpers.ts).
import luaparse from "luaparse";
import type * as L from "luaparse";
import type * as ES from "estree";
import { generate } from "astring";
import { createRequire } from "node:module";
import * as f from "./factories.js";
import { HELPERS, RT_PARAM, ENV_VAR, VARARG_VAR } from "./helpers.js";
import { Lowerer } from "./lower/context.js";
import { settleZeros } from "./lower/zeros.js";
import { visitors } from "./lower/index.js";
import { CompileError, fromLuaparse } from "./diagnostics.js";
import { checkSyntax } from "./syntax.js";
import { firstLineList, type CallPos } from "./lower/after.js";

export { CompileError } from "./diagnostics.js";
export { HELPERS } from "./helpers.js";
export { unpackAfter, type After } from "./lower/after.js";

export interface CompileOptions {
  /** Lua's chunk name as it appears in messages ("user_script", "test.lua") */
  chunkName: string;
  /** also produce a source map (v3 JSON) */
  sourceMap?: boolean;
  /** file name recorded in the source map for the Lua source */
  sourceFile?: string;
  /** emit generator twins for coroutines: "auto" = only if the source mentions coroutine */
  coroutines?: boolean | "auto";
  /**
   * Called every few thousand syntax nodes parsed or lowered, and before the JS is printed:
   * an embedder with a memory cap checks it here (a big script's trees take hundreds of bytes
   * a source byte). What it throws ends the compile.
   */
  progress?: () => void;
}

export interface CompileResult {
  /** a JS expression: (function ($rt) { …; return function ($env) { return main; } }) */
  js: string;
  /** JS line → column/Lua-line table, for mapping stack frames back to Lua lines */
  lines: LineTable;
  /** source map v3 JSON, when asked for */
  map?: string;
  /** JS function names → Lua function names */
  functionNames: Map<string, string>;
}

/** Sorted mappings from generated JS positions to Lua lines. */
export class LineTable {
  private readonly jsLine: number[] = [];
  private readonly jsCol: number[] = [];
  private readonly luaLine: number[] = [];
  /** mappings inside a Lua tail call (`return f(...)`): the caller's frame Lua would drop */
  private readonly tail = new Set<number>();

  /** mappings of a call's own code → how Lua names its callee ("global 'f'", "method 'm'") */
  private readonly calls = new Map<number, string>();

  /**
   * mappings of a call's own code → what the caller does after it returns (lower/after.ts), and
   * where that differs, when the call's first result is false
   */
  private readonly afters = new Map<number, number>();
  private readonly aftersFalse = new Map<number, number>();

  add(jsLine: number, jsCol: number, luaLine: number, pos?: CallPos): void {
    if (pos !== undefined) {
      const i = this.jsLine.length;
      if (pos.tail) this.tail.add(i);
      if (pos.call !== undefined) this.calls.set(i, pos.call);
      this.afters.set(i, pos.after);
      if (pos.afterFalse !== pos.after) this.aftersFalse.set(i, pos.afterFalse);
    }
    this.jsLine.push(jsLine);
    this.jsCol.push(jsCol);
    this.luaLine.push(luaLine);
  }

  /** The Lua line of the last mapping at or before a JS position (1-based line and column). */
  lookup(line: number, column: number): number {
    const i = this.find(line, column);
    return i < 0 ? 0 : this.luaLine[i];
  }

  /** How Lua names the function called at a JS position, if it is a call site. */
  callName(line: number, column: number): string | undefined {
    return this.calls.get(this.find(line, column));
  }

  /**
   * What the function does after the call at a JS position returns, packed (lower/after.ts
   * unpackAfter); `firstFalse`: when the call's first result is false (a pcall that caught an
   * error). Undefined when the position is not a call site.
   */
  after(line: number, column: number, firstFalse: boolean): number | undefined {
    const i = this.find(line, column);
    return (firstFalse ? this.aftersFalse.get(i) : undefined) ?? this.afters.get(i);
  }

  /** Whether the JS position is a Lua tail call's call site. */
  isTailCall(line: number, column: number): boolean {
    return this.tail.has(this.find(line, column));
  }

  private find(line: number, column: number): number {
    const col0 = column - 1;
    let lo = 0;
    let hi = this.jsLine.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = this.jsLine[mid];
      if (l < line || (l === line && this.jsCol[mid] <= col0)) {
        best = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }
}

/** Parses a chunk; `assigned` receives every name that is the target of an assignment statement. */
function parse(source: string, assigned: Set<string>, countNode: () => void): L.Chunk {
  try {
    return luaparse.parse(source, {
      locations: true,
      ranges: true,
      luaVersion: "5.1",
      // string values are decoded from the raw text by us (lexer.ts): luaparse's decoded values
      // trip its own block-follow check (`return "end"` fails to parse with them)
      encodingMode: "none",
      comments: false,
      scope: false,
      // collected as the nodes are made, instead of walking the whole tree again
      onCreateNode(node: L.Node) {
        countNode();
        if (node.type === "AssignmentStatement") {
          for (const v of node.variables) if (v.type === "Identifier") assigned.add(v.name);
        }
      },
    });
  } catch (e) {
    if (e instanceof SyntaxError || (e as { line?: number }).line !== undefined) {
      throw fromLuaparse(e as { message: string; line?: number });
    }
    throw e;
  }
}

/** Syntax nodes made or lowered between two CompileOptions.progress calls. */
const PROGRESS_EVERY = 4096;

/** A function to call once per syntax node: it calls `progress` every PROGRESS_EVERY calls. */
function nodeCounter(progress: (() => void) | undefined): () => void {
  if (progress === undefined) return () => {};
  let left = PROGRESS_EVERY;
  return () => {
    if (--left === 0) {
      left = PROGRESS_EVERY;
      progress();
    }
  };
}

/** Skips a first line starting with '#' (a shebang), as lua.c's loader does. */
function skipShebang(source: string): string {
  if (source.charCodeAt(0) !== 35) return source;
  const nl = source.indexOf("\n");
  return nl < 0 ? "" : "--" + source.slice(nl);
}

export function compile(source: string, options: CompileOptions): CompileResult {
  const src = skipShebang(source);
  // Lua's own verdict and words on syntax first; luaparse then builds the tree
  const parsable = checkSyntax(src);
  const assigned = new Set<string>();
  const node = nodeCounter(options.progress);
  const chunk = parse(parsable, assigned, node);
  const coroutines =
    options.coroutines === "auto" || options.coroutines === undefined
      ? /\bcoroutine\b/.test(src)
      : options.coroutines;
  const cx = new Lowerer(visitors, { coroutines, source: parsable, assigned, node });

  // the main chunk: a vararg function with no parameters
  const mainScope = cx.scopes.enterFunction(true, false);
  const entry = firstLineList(chunk.body, cx.isLocal) ?? chunk.loc?.end.line;
  // the implicit OP_RETURN gets the line of the chunk's last token
  const body = cx.block(chunk.body, { kind: "function", endLine: chunk.loc?.end.line ?? 1 });
  cx.scopes.leave();
  settleZeros(mainScope, body);
  const loc = chunk.loc;
  const mainBody: ES.Statement[] = [];
  if (mainScope.temps > 0) {
    const temps: [string, null][] = [];
    for (let i = 1; i <= mainScope.temps; i++) temps.push([`$${i}`, null]);
    mainBody.push(f.varDecl("let", temps, loc));
  }
  mainBody.push(cx.tick(loc, entry), ...body, f.returnStmt(f.id(HELPERS.EMPTY, loc), loc));
  const main = f.fn("main$chunk", [], VARARG_VAR, mainBody, false, loc);

  const helperNames = Object.values(HELPERS);
  const destructure: ES.VariableDeclaration = {
    type: "VariableDeclaration",
    kind: "const",
    declarations: [
      {
        type: "VariableDeclarator",
        id: {
          type: "ObjectPattern",
          properties: helperNames.map((name) => ({
            type: "Property",
            key: f.id(name),
            value: f.id(name),
            kind: "init",
            method: false,
            shorthand: true,
            computed: false,
          })),
        },
        init: f.id(RT_PARAM),
      },
    ],
  };
  const factory = f.fn(
    null,
    [RT_PARAM],
    null,
    [
      f.exprStmt({ type: "Literal", value: "use strict", raw: '"use strict"' }),
      destructure,
      f.returnStmt(f.fn(null, [ENV_VAR], null, [f.returnStmt(main)], false)),
    ],
    false,
  );
  const program = f.program([f.exprStmt(factory)]);

  const lines = new LineTable();
  const generator = options.sourceMap
    ? new (sourceMap().SourceMapGenerator)({ file: options.chunkName + ".js" })
    : undefined;
  const sourceFile = options.sourceFile ?? options.chunkName;
  const collector = {
    file: sourceFile,
    addMapping(m: {
      generated: { line: number; column: number };
      original: { line: number; column: number } | null;
      name?: string;
    }) {
      if (m.original === null) return;
      // a call's own positions are CallPos objects (lower/calls.ts callLoc)
      const pos = (m.original as Partial<CallPos>).after !== undefined ? (m.original as CallPos) : undefined;
      lines.add(m.generated.line, m.generated.column, m.original.line, pos);
      generator?.addMapping({
        generated: { line: m.generated.line, column: m.generated.column },
        original: { line: m.original.line, column: m.original.column },
        source: sourceFile,
        name: m.name,
      });
    },
  };
  options.progress?.();
  const js = generate(program, { sourceMap: collector as never, indent: "  " });
  if (generator) generator.setSourceContent(sourceFile, source);
  return { js, lines, map: generator?.toString(), functionNames: cx.functionNames };
}

/** source-map, loaded the first time a map is asked for (start-up of `redlua run` skips it). */
function sourceMap(): typeof import("source-map") {
  return createRequire(import.meta.url)("source-map") as typeof import("source-map");
}

export function isCompileError(e: unknown): e is CompileError {
  return e instanceof CompileError;
}
