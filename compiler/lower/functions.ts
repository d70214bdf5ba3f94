// Visitors for functions: function expressions and declarations (global, local, fields,
// methods) and `return`. A Lua function becomes a JS function with positional
// parameters (plus `...$va` when vararg), temporaries declared once at the top, and an
// interrupt check at entry. With coroutines on, a generator twin is attached as `.$g`.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import { VARARG_VAR } from "../helpers.js";
import type { Lowerer, Lowered, Loc } from "./context.js";
import { lowerArgs } from "./calls.js";
import { keyArgs } from "./keys.js";
import { settleZeros } from "./zeros.js";
import { firstLineList } from "./after.js";

/** Builds one JS function (normal or generator) for a Lua function body. */
function buildFunction(
  cx: Lowerer,
  node: L.FunctionDeclaration,
  jsName: string | null,
  selfParam: boolean,
  gen: boolean,
): ES.FunctionExpression {
  const loc = node.loc;
  const isVararg = node.parameters.some((p) => p.type === "VarargLiteral");
  const fnScope = cx.scopes.enterFunction(isVararg, gen);
  const params: string[] = [];
  if (selfParam) params.push(cx.scopes.declare("self").jsName);
  for (const p of node.parameters) {
    if (p.type === "Identifier") params.push(cx.scopes.declare(p.name).jsName);
  }
  const prologue: ES.Statement[] = [];
  if (isVararg) {
    // LUA_COMPAT_VARARG: a local `arg`, holding the varargs only if the body never uses `...`
    const arg = cx.scopes.declare("arg").jsName;
    const init = usesVararg(node.body) ? null : cx.callHelper("vatable", [f.id(VARARG_VAR, loc)], loc);
    prologue.push(f.varDecl("let", [[arg, init]], loc));
  }
  const savedLoop = cx.loopDepth;
  cx.loopDepth = 0;
  // the implicit OP_RETURN is at `end`; Lua's hook sees the function entered at its first
  // instruction's line
  const endLine = node.loc?.end.line ?? 0;
  const entryLine = firstLineList(node.body, cx.isLocal) ?? endLine;
  const body = cx.block(node.body, { kind: "function", endLine });
  cx.loopDepth = savedLoop;
  cx.scopes.leave();
  settleZeros(fnScope, body);
  if (fnScope.temps > 0) {
    const temps: [string, null][] = [];
    for (let i = 1; i <= fnScope.temps; i++) temps.push([`$${i}`, null]);
    prologue.unshift(f.varDecl("let", temps, loc));
  }
  prologue.push(cx.tick(loc, entryLine));
  const epilogue = endsWithReturn(node.body)
    ? []
    : [f.returnStmt(cx.helper("EMPTY", node.loc), lastLoc(node))];
  return f.fn(jsName, params, isVararg ? VARARG_VAR : null, [...prologue, ...body, ...epilogue], gen, loc);
}

/** Whether a function body uses `...` itself (nested functions have their own). */
function usesVararg(body: L.Statement[]): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const node = n as { type?: string };
    if (node.type === "VarargLiteral") {
      found = true;
      return;
    }
    if (node.type === "FunctionDeclaration") {
      const fd = n as L.FunctionDeclaration;
      visit(fd.identifier);
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== "loc" && k !== "range") visit(v);
  };
  visit(body);
  return found;
}

function endsWithReturn(body: L.Statement[]): boolean {
  return body.length > 0 && body[body.length - 1].type === "ReturnStatement";
}

function lastLoc(node: L.FunctionDeclaration): Loc {
  const end = node.loc?.end;
  return end ? { start: end, end } : node.loc;
}

/** JS-safe function name from a Lua name, for readable stacks ("f", "obj_method"). */
function jsFunctionName(cx: Lowerer, luaName: string | null): string | null {
  if (luaName === null) return null;
  const name = cx.scopes.fresh(luaName.replace(/[^A-Za-z0-9_]/g, "_") + "$");
  cx.functionNames.set(name, luaName);
  return name;
}

/** A Lua function value as a JS expression (with its generator twin when enabled). */
export function lowerFunction(
  cx: Lowerer,
  node: L.FunctionDeclaration,
  luaName: string | null,
  self = false,
) {
  const name = jsFunctionName(cx, luaName);
  const normal = buildFunction(cx, node, name, self, false);
  if (!cx.options.coroutines) return normal;
  const generator = buildFunction(cx, node, name === null ? null : name + "g", self, true);
  return cx.callHelper("gen", [normal, generator], node.loc);
}

export const functionExpression = (cx: Lowerer, node: L.FunctionDeclaration): Lowered => ({
  js: lowerFunction(cx, node, null),
});

/** Lua's name for a declared function, as tracebacks show it. */
function declaredName(id: L.Identifier | L.MemberExpression): string {
  if (id.type === "Identifier") return id.name;
  return id.identifier.name;
}

export function functionDeclaration(cx: Lowerer, node: L.FunctionDeclaration): ES.Statement[] {
  const loc = node.loc;
  const target = node.identifier;
  if (target === null) return [f.exprStmt(lowerFunction(cx, node, null), loc)];
  if (node.isLocal && target.type === "Identifier") {
    // local function f: f is in scope inside its own body
    const v = cx.scopes.declare(target.name);
    if (!cx.options.assigned.has(target.name)) v.isFunction = true;
    return [
      f.varDecl("let", [[v.jsName, null]], loc),
      f.exprStmt(f.assign(f.id(v.jsName, loc), lowerFunction(cx, node, target.name), loc), loc),
    ];
  }
  if (target.type === "Identifier") {
    const r = cx.scopes.resolve(target.name);
    const fnJs = lowerFunction(cx, node, target.name);
    if (r.kind === "global") {
      return [f.exprStmt(cx.callHelper("gset", [cx.env(loc), ...keyArgs(target.name, loc), fnJs], loc), loc)];
    }
    return [f.exprStmt(f.assign(f.id(r.v.jsName, loc), fnJs, loc), loc)];
  }
  // function a.b.c() / function a.b:m()
  const obj = cx.expr(target.base);
  const isMethod = target.indexer === ":";
  const fnJs = lowerFunction(cx, node, declaredName(target), isMethod);
  return [
    f.exprStmt(
      cx.callHelper(
        "setindexs",
        [obj.js, ...keyArgs(target.identifier.name, loc), fnJs, cx.descOrNull(obj.desc, loc)],
        loc,
      ),
      loc,
    ),
  ];
}

export function returnStatement(cx: Lowerer, node: L.ReturnStatement): ES.Statement[] {
  const loc = node.loc;
  const args = node.arguments;
  if (args.length === 0) return [f.returnStmt(cx.helper("EMPTY", loc), loc)];
  if (args.length === 1) {
    // a single multi-value expression passes its result through unchanged
    if (cx.isMulti(args[0])) {
      cx.tailCall = args[0].type !== "VarargLiteral";
      const js = cx.multi(args[0]);
      cx.tailCall = false;
      return [f.returnStmt(js, loc)];
    }
    return [f.returnStmt(cx.expr(args[0]).js, loc)];
  }
  return [f.returnStmt(f.array(lowerArgs(cx, args), loc), loc)];
}
