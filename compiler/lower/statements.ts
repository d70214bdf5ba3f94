// Visitors for Lua statements other than loops and functions: local declarations,
// assignments (Lua's evaluate-everything-then-assign order), if, do, break.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import { CompileError } from "../diagnostics.js";
import type { Lowerer, Loc } from "./context.js";
import { condition } from "./operators.js";
import { keyArgs } from "./keys.js";
import { stringValue } from "../strings.js";

/**
 * Evaluates an expression list adjusted to `n` values, left to right. Returns JS
 * statements to run first and one expression per value. With several expressions,
 * each non-constant value is held in a temp as it is computed, so effects keep Lua's order.
 */
export function adjust(cx: Lowerer, exprs: L.Expression[], n: number, loc: Loc) {
  const pre: ES.Statement[] = [];
  const values: ES.Expression[] = [];
  const many = exprs.length > 1;
  exprs.forEach((e, i) => {
    const last = i === exprs.length - 1;
    if (last && cx.isMulti(e) && values.length === n - 1) {
      // exactly one value wanted from a call or `...`: no results array needed
      values.push(e.type === "VarargLiteral" ? cx.expr(e).js : cx.callHelper("first", [cx.multi(e)], e.loc));
      return;
    }
    if (last && cx.isMulti(e) && values.length < n) {
      const m = cx.scopes.temp();
      pre.push(f.exprStmt(f.assign(f.id(m, loc), cx.callHelper("all", [cx.multi(e)], e.loc), e.loc), e.loc));
      for (let k = 0; values.length < n; k++) values.push(f.element(f.id(m, loc), f.num(k, loc), loc));
      return;
    }
    if (values.length < n) {
      const v = cx.expr(e);
      if (many && !v.simple) {
        const t = cx.scopes.temp();
        pre.push(f.exprStmt(f.assign(f.id(t, loc), v.js, e.loc), e.loc));
        values.push(f.id(t, loc));
      } else {
        values.push(v.js);
      }
    } else if (cx.isMulti(e)) {
      pre.push(f.exprStmt(cx.multi(e), e.loc)); // extra values: evaluated, discarded
    } else {
      pre.push(f.exprStmt(cx.expr(e).js, e.loc));
    }
  });
  while (values.length < n) values.push(f.undef(loc));
  return { pre, values };
}

export function localStatement(cx: Lowerer, node: L.LocalStatement): ES.Statement[] {
  const loc = node.loc;
  const n = node.variables.length;
  // every value is computed before the new names come into scope
  const { pre, values } = adjust(cx, node.init, n, loc);
  const decls: [string, ES.Expression | null][] = node.variables.map((id, i) => [
    cx.scopes.declare(id.name).jsName,
    values[i],
  ]);
  return [...pre, f.varDecl("let", decls, loc)];
}

type Target = L.Identifier | L.MemberExpression | L.IndexExpression;

/** Prepares an assignment target: evaluates its table and key now, returns the store. */
function prepareTarget(cx: Lowerer, t: Target, pre: ES.Statement[]): (value: ES.Expression) => ES.Statement {
  const loc = t.loc;
  if (t.type === "Identifier") {
    const r = cx.scopes.resolve(t.name);
    if (r.kind === "global") {
      return (value) =>
        f.exprStmt(cx.callHelper("gset", [cx.env(loc), ...keyArgs(t.name, loc), value], loc), loc);
    }
    return (value) => f.exprStmt(f.assign(f.id(r.v.jsName, loc), value, loc), loc);
  }
  const base = cx.expr(t.base);
  const name = constantKey(t);
  // the statement's other stores may change these locals: evaluate them now, into temps
  const b = cx.hold({ ...base, simple: false }, loc);
  if (name !== undefined) {
    for (const e of b.pre) pre.push(f.exprStmt(e, loc));
    return (value) =>
      f.exprStmt(
        cx.callHelper("setindexs", [b.ref, ...keyArgs(name, loc), value, cx.descOrNull(base.desc, loc)], loc),
        loc,
      );
  }
  const key = cx.expr((t as L.IndexExpression).index);
  const k = key.js.type === "Literal" ? cx.hold(key, loc) : cx.hold({ ...key, simple: false }, loc);
  for (const e of [...b.pre, ...k.pre]) pre.push(f.exprStmt(e, loc));
  return (value) =>
    f.exprStmt(cx.callHelper("setindex", [b.ref, k.ref, value, cx.descOrNull(base.desc, loc)], loc), loc);
}

/** The key of `t.name` or `t["name"]`: a constant string. */
function constantKey(t: L.MemberExpression | L.IndexExpression): string | undefined {
  if (t.type === "MemberExpression") return t.identifier.name;
  return t.index.type === "StringLiteral" ? stringValue(t.index.raw) : undefined;
}

export function assignmentStatement(cx: Lowerer, node: L.AssignmentStatement): ES.Statement[] {
  const loc = node.loc;
  const targets = node.variables as Target[];
  if (targets.length === 1 && node.init.length === 1) {
    const t = targets[0];
    if (t.type === "Identifier") {
      const store = prepareTarget(cx, t, []);
      return [store(cx.expr(node.init[0]).js)];
    }
    // t[k] = v: table, key, value evaluated in order as the helper's arguments
    const base = cx.expr(t.base);
    const name = constantKey(t);
    if (name !== undefined) {
      const value = cx.expr(node.init[0]).js;
      const args = [base.js, ...keyArgs(name, t.loc), value, cx.descOrNull(base.desc, loc)];
      return [f.exprStmt(cx.callHelper("setindexs", args, loc), loc)];
    }
    const key = cx.expr((t as L.IndexExpression).index).js;
    const value = cx.expr(node.init[0]).js;
    return [
      f.exprStmt(cx.callHelper("setindex", [base.js, key, value, cx.descOrNull(base.desc, loc)], loc), loc),
    ];
  }
  // general case: targets' subexpressions, then all values, then stores right to left
  const pre: ES.Statement[] = [];
  const stores = targets.map((t) => prepareTarget(cx, t, pre));
  const { pre: vpre, values } = adjust(cx, node.init, targets.length, loc);
  const held = values.map((v) => {
    if (v.type === "Literal" || v.type === "UnaryExpression" || v.type === "MemberExpression") return v;
    if (v.type === "Identifier" && v.name.startsWith("$")) return v;
    const t = cx.scopes.temp();
    vpre.push(f.exprStmt(f.assign(f.id(t, loc), v, loc), loc));
    return f.id(t, loc);
  });
  const out = [...pre, ...vpre];
  for (let i = stores.length - 1; i >= 0; i--) out.push(stores[i](held[i]));
  return out;
}

export function ifStatement(cx: Lowerer, node: L.IfStatement): ES.Statement[] {
  let alternate: ES.Statement | null = null;
  for (let i = node.clauses.length - 1; i >= 0; i--) {
    const clause = node.clauses[i];
    cx.scopes.enterBlock();
    const body = f.block(cx.block(clause.body, { kind: "block" }), clause.loc);
    cx.scopes.leave();
    if (clause.type === "ElseClause") alternate = body;
    else alternate = f.ifStmt(condition(cx, clause.condition), body, alternate, clause.loc);
  }
  return alternate ? [alternate] : [];
}

export function doStatement(cx: Lowerer, node: L.DoStatement): ES.Statement[] {
  cx.scopes.enterBlock();
  const body = cx.block(node.body, { kind: "block" });
  cx.scopes.leave();
  return [f.block(body, node.loc)];
}

export function breakStatement(cx: Lowerer, node: L.BreakStatement): ES.Statement[] {
  if (cx.loopDepth === 0) throw CompileError.noLoopToBreak(node.loc?.start.line ?? 0, "break");
  return [f.breakStmt(node.loc)];
}
