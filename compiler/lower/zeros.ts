// Zero constants: lcode.c keeps one constant per value in a function's constant table
// (addk looks values up in a Lua table, where -0 and 0 are the same key), so every 0 and -0
// constant a function uses takes the sign of the first one the function added. Each zero
// constant is lowered to a node of its own, recorded in its function's scope; once the
// function's body is lowered, the first of them still in the emitted code (folding may have
// dropped some) decides, and the others are rewritten in place to its sign. Lua adds constants
// as it emits code, which is source order but for the left operand of an arithmetic operator
// with a non-constant right one (added after the right operand); that case is taken in source
// order here.
import type * as ES from "estree";
import * as f from "../factories.js";
import type { FunctionScope } from "../scope.js";
import type { Loc, Lowerer } from "./context.js";

/** The node for a zero constant of the current function (value is 0 or -0). */
export function zeroConstant(cx: Lowerer, value: number, loc: Loc): ES.Expression {
  const node = f.num(value, loc);
  cx.fn.zeros.push({ node, negative: Object.is(value, -0) });
  return node;
}

/** Counts a zero constant as emitted though its node was left out (folded into another). */
export function keepZero(cx: Lowerer, node: ES.Expression): void {
  cx.fn.keptZeros.add(node);
}

/** Gives the function's zero constants the sign of the first one emitted (see above). */
export function settleZeros(fn: FunctionScope, body: ES.Node[]): void {
  if (fn.zeros.length < 2) return;
  const present = new Set<object>();
  const visit = (n: unknown): void => {
    if (n === null || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    present.add(n);
    for (const [k, v] of Object.entries(n)) if (k !== "loc") visit(v);
  };
  visit(body);
  for (const n of fn.keptZeros) present.add(n);
  const used = fn.zeros.filter((z) => present.has(z.node));
  if (used.length < 2) return;
  const negative = used[0].negative;
  for (const z of used) {
    if (z.negative === negative) continue;
    // rewrite the node in place: the other sign's node, same position
    const replacement = f.num(negative ? -0 : 0, (z.node as ES.Node).loc);
    for (const k of Object.keys(z.node)) delete (z.node as Record<string, unknown>)[k];
    Object.assign(z.node, replacement);
  }
}
