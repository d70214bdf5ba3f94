// Visitors for calls: f(args), f"s", f{...}, obj:m(args). A call to a JS function is a
// plain JS call (no allocation for fixed arguments); anything else goes through
// `$callable` (__call, or Lua's "attempt to call" error after the arguments are evaluated).
// In generator (coroutine) mode every call becomes `yield* $gcall(f, desc, args)`.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import { endLoc, type Lowerer, type Lowered, type Loc } from "./context.js";
import { keyArgs } from "./keys.js";
import { afterCall, type CallPos } from "./after.js";

type AnyCall = L.CallExpression | L.StringCallExpression | L.TableCallExpression;

function argNodes(node: AnyCall): L.Expression[] {
  if (node.type === "CallExpression") return node.arguments;
  if (node.type === "StringCallExpression") return [node.argument];
  return [node.arguments];
}

/** Lowers call arguments: all but the last adjusted to one value, a multi-value last spread. */
export function lowerArgs(cx: Lowerer, args: L.Expression[]): (ES.Expression | ES.SpreadElement)[] {
  const out: (ES.Expression | ES.SpreadElement)[] = [];
  args.forEach((a, i) => {
    if (i === args.length - 1 && cx.isMulti(a)) {
      out.push(f.spread(cx.callHelper("all", [cx.multi(a)], a.loc), a.loc));
    } else {
      out.push(cx.expr(a).js);
    }
  });
  return out;
}

function markSoleArgument(node: AnyCall): void {
  if (node.type === "CallExpression" && node.arguments.length === 1) {
    (node.arguments[0] as { soleArgument?: boolean }).soleArgument = true;
  }
}

/** The callee in a form that is safe to call: itself if a function, else $callable(...). */
function callableCallee(cx: Lowerer, callee: ES.Expression, desc: string | null | undefined, loc: Loc) {
  const c = cx.simple({ js: callee }, loc);
  const isFn = f.binary("===", f.unary("typeof", c.ref, loc), f.str("function", loc), loc);
  return f.cond(isFn, c.ref2, cx.callHelper("callable", [c.ref2, cx.descOrNull(desc, loc)], loc), loc);
}

/**
 * The call's own position: a fresh start object, so it can be tagged for the line table — a
 * tail call, and what the caller does once the call returns (after.ts).
 */
function callLoc(cx: Lowerer, node: AnyCall, tail: boolean): Loc {
  const loc = endLoc(node.base.loc);
  if (!loc) return loc;
  const start: CallPos = {
    line: loc.start.line,
    column: loc.start.column,
    tail,
    call: undefined,
    after: 0,
    afterFalse: 0,
  };
  afterCall(cx.flows, cx.exprs, node, cx.isLocal, start);
  return { start, end: loc.end };
}

/**
 * Tags the call's positions with how Lua names the callee ("global 'f'", "method 'm'"…):
 * argument errors name the function that way (luaL_argerror's getfuncname).
 */
function tagCall(loc: Loc, desc: string | null | undefined): void {
  if (loc && desc) (loc.start as CallPos).call = desc;
}

/** Lowers any call to the JS expression whose value is the call's result (value or array). */
export function lowerCall(cx: Lowerer, node: AnyCall): ES.Expression {
  // OP_CALL gets the line of the '(' (funcargs' luaK_fixline): where the callee ends. A tail
  // call's own positions are flagged: Lua drops the caller's frame when the callee is Lua.
  const loc = callLoc(cx, node, cx.tailCall);
  cx.tailCall = false;
  markSoleArgument(node);
  const base = node.base;
  if (base.type === "MemberExpression" && base.indexer === ":") {
    // obj:m(args) — obj evaluated once, passed as self
    const objLowered = cx.expr(base.base);
    const obj = cx.hold(objLowered, loc);
    const objDesc = objLowered.desc;
    const name = base.identifier.name;
    const fnExpr = cx.callHelper(
      "indexs",
      [obj.ref, ...keyArgs(name, loc), cx.descOrNull(objDesc, loc)],
      loc,
    );
    const args = [obj.ref, ...lowerArgs(cx, argNodes(node))];
    const desc = `method '${name}'`;
    tagCall(loc, desc);
    if (cx.fn.gen) {
      return f.seq([...obj.pre, genCall(cx, fnExpr, desc, args, loc)], loc);
    }
    const fnTemp = cx.hold({ js: fnExpr }, loc);
    const isFn = f.binary("===", f.unary("typeof", fnTemp.ref, loc), f.str("function", loc), loc);
    const callee = f.seq(
      [
        ...obj.pre,
        ...fnTemp.pre,
        f.cond(isFn, fnTemp.ref, cx.callHelper("callable", [fnTemp.ref, f.str(desc, loc)], loc), loc),
      ],
      loc,
    );
    return f.call(callee, args, loc);
  }
  const fnv: Lowered = cx.expr(base);
  tagCall(loc, fnv.desc);
  const args = lowerArgs(cx, argNodes(node));
  if (cx.fn.gen) return genCall(cx, fnv.js, fnv.desc, args, loc);
  if (fnv.fn && fnv.js.type === "Identifier") return f.call(f.id(fnv.js.name, loc), args, loc);
  return f.call(callableCallee(cx, fnv.js, fnv.desc, loc), args, loc);
}

/** `(yield* $gcall(f, desc, [args]))` */
function genCall(
  cx: Lowerer,
  fn: ES.Expression,
  desc: string | null | undefined,
  args: (ES.Expression | ES.SpreadElement)[],
  loc: Loc,
): ES.Expression {
  return f.yieldExpr(
    cx.callHelper("gcall", [fn, cx.descOrNull(desc, loc), f.array(args, loc)], loc),
    true,
    loc,
  );
}

export const callMulti = (cx: Lowerer, node: AnyCall): ES.Expression => lowerCall(cx, node);

export const callExpression = (cx: Lowerer, node: AnyCall): Lowered => ({
  js: cx.callHelper("first", [lowerCall(cx, node)], node.loc),
});

export function callStatement(cx: Lowerer, node: L.CallStatement): ES.Statement[] {
  return [f.exprStmt(lowerCall(cx, node.expression), node.loc)];
}
