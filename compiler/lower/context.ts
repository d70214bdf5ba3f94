// The lowering context: walks the luaparse AST with one visitor per node kind (registered
// in ./index.ts) and builds ESTree through compiler/factories.ts. Holds the scope chain,
// per-function temporaries, and the small shared idioms (truthiness, helper references,
// interrupt checks) every visitor uses.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import { HELPERS, ENV_VAR, type HelperName } from "../helpers.js";
import { Scopes, type FunctionScope } from "../scope.js";
import { CompileError } from "../diagnostics.js";
import type { Flow, Owner } from "./after.js";

export type LuaStatement = L.Statement;
export type LuaExpression = L.Expression;
export type Loc = f.Loc | null | undefined;

/** A lowered expression plus what we know about its JS type. */
export interface Lowered {
  js: ES.Expression;
  /** the JS value is certainly a JS boolean (comparisons, not) */
  bool?: boolean;
  /** the JS value is certainly a number */
  number?: boolean;
  /** the value is this numeric constant (a literal, or folded from literals) */
  constant?: number;
  /** evaluating it twice is free and has no effects (identifiers, literals) */
  simple?: boolean;
  /** the value is certainly a JS function (calls need no __call check) */
  fn?: boolean;
  /** description for error messages: "local 'x'", "global 'f'", "field 'y'" … */
  desc?: string | null;
}

export type StatementVisitor<N> = (cx: Lowerer, node: N) => ES.Statement[];
export type ExpressionVisitor<N> = (cx: Lowerer, node: N) => Lowered;
/** Lowers an expression in a multi-value position: the JS value is a call result (value or array). */
export type MultiVisitor<N> = (cx: Lowerer, node: N) => ES.Expression;

export interface Visitors {
  statements: { [K in LuaStatement["type"]]?: StatementVisitor<Extract<LuaStatement, { type: K }>> };
  expressions: { [K in LuaExpression["type"]]?: ExpressionVisitor<Extract<LuaExpression, { type: K }>> };
  multi: { [K in LuaExpression["type"]]?: MultiVisitor<Extract<LuaExpression, { type: K }>> };
}

export interface LowerOptions {
  /** names that appear as an assignment target anywhere in the chunk */
  assigned: Set<string>;
  /** also emit generator versions of functions, so they can run inside coroutines */
  coroutines: boolean;
  /** source text, to recognise parenthesised multi-value expressions */
  source: string;
  /** called once per statement or expression lowered (compile's node count) */
  node: () => void;
}

/**
 * The position Lua gives an operation's instruction: the line of the last token read when
 * it is emitted — the end of the expression (binary and unary operators, indexing).
 */
export function endLoc(loc: Loc): Loc {
  return loc ? { start: loc.end, end: loc.end } : loc;
}

export class Lowerer {
  readonly scopes = new Scopes();
  /** nesting of breakable loops in the current function (for "no loop to break") */
  loopDepth = 0;
  /** the next call lowered is a tail call (`return f(...)`) */
  tailCall = false;
  /** JS function names for Lua function descriptions in tracebacks */
  readonly functionNames = new Map<string, string>();
  /** the blocks being lowered, innermost last, and the statement in each (see after.ts) */
  readonly flows: Flow[] = [];
  /** the expressions being lowered, outermost first (a call's ancestors: see after.ts) */
  readonly exprs: LuaExpression[] = [];
  /** whether a name is a local or upvalue where it is used */
  readonly isLocal = (name: string): boolean => this.scopes.resolve(name).kind !== "global";

  constructor(
    readonly visitors: Visitors,
    readonly options: LowerOptions,
  ) {}

  get fn(): FunctionScope {
    return this.scopes.fn;
  }

  // ---- dispatch -----------------------------------------------------------------

  stmt(node: LuaStatement): ES.Statement[] {
    this.options.node();
    const v = this.visitors.statements[node.type] as StatementVisitor<LuaStatement> | undefined;
    if (v === undefined) throw CompileError.unsupported(node.type, node.loc);
    return v(this, node);
  }

  /** Lowers a block; `owner` says what runs after its last statement (see after.ts). */
  block(body: LuaStatement[], owner: Owner): ES.Statement[] {
    const out: ES.Statement[] = [];
    const flow: Flow = { body, index: 0, owner, exprs: this.exprs.length };
    this.flows.push(flow);
    for (let i = 0; i < body.length; i++) {
      flow.index = i;
      for (const js of this.stmt(body[i])) out.push(js);
    }
    this.flows.pop();
    return out;
  }

  /** An expression adjusted to exactly one value. */
  expr(node: LuaExpression): Lowered {
    this.options.node();
    const v = this.visitors.expressions[node.type] as ExpressionVisitor<LuaExpression> | undefined;
    if (v === undefined) throw CompileError.unsupported(node.type, node.loc);
    this.exprs.push(node);
    const r = v(this, node);
    this.exprs.pop();
    return r;
  }

  /** True for a call or `...` that is not wrapped in parentheses (it may yield many values). */
  isMulti(node: LuaExpression): boolean {
    if (
      node.type !== "CallExpression" &&
      node.type !== "StringCallExpression" &&
      node.type !== "TableCallExpression" &&
      node.type !== "VarargLiteral"
    ) {
      return false;
    }
    return !this.parenthesised(node);
  }

  /** An expression in a position that takes all its values: a JS call result. */
  multi(node: LuaExpression): ES.Expression {
    const v = this.visitors.multi[node.type] as MultiVisitor<LuaExpression> | undefined;
    if (v === undefined || !this.isMulti(node)) return this.expr(node).js;
    this.exprs.push(node);
    const r = v(this, node);
    this.exprs.pop();
    return r;
  }

  /**
   * luaparse drops parentheses; `(f())` truncates to one value, so find them in the
   * source: count '(' before and ')' after the node, less the call's own argument parens.
   */
  parenthesised(node: LuaExpression & { range?: [number, number] }): boolean {
    const range = node.range;
    if (range === undefined) return false;
    const src = this.options.source;
    let before = 0;
    for (let i = range[0] - 1; i >= 0; i--) {
      const c = src[i];
      if (c === "(") before++;
      else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
    }
    if (before === 0) return false;
    let after = 0;
    for (let i = range[1]; i < src.length; i++) {
      const c = src[i];
      if (c === ")") after++;
      else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
    }
    const own = (node as { soleArgument?: boolean }).soleArgument ? 1 : 0;
    return Math.min(before, after) - own > 0;
  }

  // ---- shared idioms ------------------------------------------------------------------

  helper(name: HelperName, loc?: Loc): ES.Identifier {
    return f.id(HELPERS[name], loc);
  }

  callHelper(name: HelperName, args: ES.Expression[], loc?: Loc): ES.Expression {
    return f.call(this.helper(name, loc), args, loc);
  }

  env(loc?: Loc): ES.Identifier {
    return f.id(ENV_VAR, loc);
  }

  /**
   * `if (--$C.n < 0) $hook();` — the interrupt check at loop back-edges and function entry.
   * `line` is where Lua's line hook fires at that point (after a kill, the kill is raised again
   * there: runtime/line-hook.ts), when it is not `loc`'s.
   */
  tick(loc?: Loc, line?: number): ES.Statement {
    if (line !== undefined && loc) loc = { start: { line, column: 0 }, end: { line, column: 0 } };
    const dec = f.update("--", f.member(this.helper("counter", loc), "n", loc), true, loc);
    return f.ifStmt(
      f.binary("<", dec, f.num(0, loc), loc),
      f.exprStmt(this.callHelper("hook", [], loc), loc),
      null,
      loc,
    );
  }

  /** Lua truthiness of a lowered value as a JS boolean expression. */
  test(v: Lowered, loc?: Loc): ES.Expression {
    if (v.bool) return v.js;
    const t = this.simple(v, loc);
    return f.logical(
      "&&",
      f.binary("!==", t.ref, f.undef(loc), loc),
      f.binary("!==", t.ref2, f.bool(false, loc), loc),
      loc,
    );
  }

  /**
   * Makes a value usable twice: returns the first use (which may assign a temp) and a
   * second reference. For simple values both are the value itself.
   */
  simple(v: Lowered, loc?: Loc): { ref: ES.Expression; ref2: ES.Expression; name?: string } {
    if (v.simple) return { ref: v.js, ref2: v.js };
    const t = this.scopes.temp();
    return { ref: f.assign(f.id(t, loc), v.js, loc), ref2: f.id(t, loc), name: t };
  }

  /** Evaluates v into a temp (or keeps it if simple) and returns an expression list prefix. */
  hold(v: Lowered, loc?: Loc): { pre: ES.Expression[]; ref: ES.Expression } {
    if (v.simple) return { pre: [], ref: v.js };
    const t = this.scopes.temp();
    return { pre: [f.assign(f.id(t, loc), v.js, loc)], ref: f.id(t, loc) };
  }

  /** Desc for error messages of a string constant, when it is a valid description. */
  descOrNull(desc: string | null | undefined, loc?: Loc): ES.Expression {
    return desc ? f.str(desc, loc) : f.undef(loc);
  }
}
