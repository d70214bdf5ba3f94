// Visitors for Lua's value expressions: literals, names (local/upvalue/global), indexing
// and `...`. Names resolve through compiler/scope.ts; globals and indexing go through
// runtime helpers so metatables (and Redis's protected globals) apply.
import type * as L from "luaparse";
import * as f from "../factories.js";
import { stringValue } from "../strings.js";
import { VARARG_VAR } from "../helpers.js";
import { CompileError } from "../diagnostics.js";
import { endLoc, type Lowerer, type Lowered } from "./context.js";
import { keyArgs } from "./keys.js";
import { zeroConstant } from "./zeros.js";

export function identifier(cx: Lowerer, node: L.Identifier): Lowered {
  const loc = node.loc;
  const r = cx.scopes.resolve(node.name);
  if (r.kind === "global") {
    return {
      js: cx.callHelper("gget", [cx.env(loc), ...keyArgs(node.name, loc)], loc),
      desc: `global '${node.name}'`,
    };
  }
  return {
    js: f.id(r.v.jsName, loc),
    simple: true,
    number: r.v.number,
    fn: r.v.isFunction,
    desc: `${r.kind} '${node.name}'`,
  };
}

export const stringLiteral = (_cx: Lowerer, node: L.StringLiteral): Lowered => ({
  js: f.str(stringValue(node.raw), node.loc),
  simple: true,
});

export const numericLiteral = (cx: Lowerer, node: L.NumericLiteral): Lowered => ({
  js: node.value === 0 ? zeroConstant(cx, node.value, node.loc) : f.num(node.value, node.loc),
  simple: true,
  number: true,
  constant: node.value,
});

export const booleanLiteral = (_cx: Lowerer, node: L.BooleanLiteral): Lowered => ({
  js: f.bool(node.value, node.loc),
  simple: true,
  bool: true,
});

export const nilLiteral = (_cx: Lowerer, node: L.NilLiteral): Lowered => ({
  js: f.undef(node.loc),
  simple: true,
});

export function varargLiteral(cx: Lowerer, node: L.VarargLiteral): Lowered {
  if (!cx.fn.isVararg) throw CompileError.varargOutside(node.loc?.start.line ?? 0);
  return { js: f.element(f.id(VARARG_VAR, node.loc), f.num(0, node.loc), node.loc) };
}

export function varargMulti(cx: Lowerer, node: L.VarargLiteral) {
  if (!cx.fn.isVararg) throw CompileError.varargOutside(node.loc?.start.line ?? 0);
  return f.id(VARARG_VAR, node.loc);
}

/** `t.name` */
export function memberExpression(cx: Lowerer, node: L.MemberExpression): Lowered {
  const loc = endLoc(node.loc);
  const base = cx.expr(node.base);
  return {
    js: cx.callHelper(
      "indexs",
      [base.js, ...keyArgs(node.identifier.name, loc), cx.descOrNull(base.desc, loc)],
      loc,
    ),
    desc: `field '${node.identifier.name}'`,
  };
}

/** `t[k]` */
export function indexExpression(cx: Lowerer, node: L.IndexExpression): Lowered {
  const loc = endLoc(node.loc);
  const base = cx.expr(node.base);
  // 5.1's getobjname names only constant string keys; any other key is "field '?'"
  if (node.index.type === "StringLiteral") {
    const name = stringValue(node.index.raw);
    const args = [base.js, ...keyArgs(name, loc), cx.descOrNull(base.desc, loc)];
    return { js: cx.callHelper("indexs", args, loc), desc: `field '${name}'` };
  }
  const key = cx.expr(node.index);
  return {
    js: cx.callHelper("index", [base.js, key.js, cx.descOrNull(base.desc, loc)], loc),
    desc: "field '?'",
  };
}
