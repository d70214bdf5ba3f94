// Visitors for Lua's operators: arithmetic, comparison, equality, concatenation, length,
// `not`, `and`/`or`. Each emits an inline fast path for plain numbers/strings and calls
// the runtime helper (metamethods, coercions, errors) otherwise. Grammar facts are data.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import type { HelperName } from "../helpers.js";
import { endLoc, type Lowerer, type Lowered, type Loc } from "./context.js";
import { keepZero, zeroConstant } from "./zeros.js";
import { cPow } from "../../runtime/pow.js";

/** Lua arithmetic operator → [JS operator or null for special, runtime helper]. */
const ARITH: Record<string, [ES.BinaryOperator | null, HelperName]> = {
  "+": ["+", "add"],
  "-": ["-", "sub"],
  "*": ["*", "mul"],
  "/": ["/", "div"],
  "%": [null, "mod"],
  "^": [null, "pow"],
};

/** Lua comparison → [JS operator, runtime helper, swap operands for the helper]. */
const COMPARE: Record<string, [ES.BinaryOperator, HelperName, boolean]> = {
  "<": ["<", "lt", false],
  "<=": ["<=", "le", false],
  ">": [">", "lt", true],
  ">=": [">=", "le", true],
};

const isNum = (cx: Lowerer, v: Lowered, loc: Loc): ES.Expression =>
  f.binary("===", f.unary("typeof", v.js, loc), f.str("number", loc), loc);

/** typeof checks for the operands that aren't known numbers (null if both are). */
function numberTest(cx: Lowerer, a: Lowered, b: Lowered, loc: Loc): ES.Expression | null {
  const tests: ES.Expression[] = [];
  if (!a.number) tests.push(isNum(cx, a, loc));
  if (!b.number) tests.push(isNum(cx, b, loc));
  if (tests.length === 0) return null;
  return tests.length === 1 ? tests[0] : f.logical("&&", tests[0], tests[1], loc);
}

/** Evaluates both operands once, left to right, into simple references. */
function holdBoth(cx: Lowerer, left: Lowered, right: Lowered, loc: Loc) {
  const a = cx.hold(left, loc);
  const b = cx.hold(right, loc);
  const ra: Lowered = { js: a.ref, simple: true, number: left.number, desc: left.desc };
  const rb: Lowered = { js: b.ref, simple: true, number: right.number, desc: right.desc };
  return { pre: [...a.pre, ...b.pre], a: ra, b: rb };
}

function rawArith(cx: Lowerer, op: string, a: ES.Expression, b: ES.Expression, loc: Loc): ES.Expression {
  const [jsop] = ARITH[op];
  if (jsop !== null) return f.binary(jsop, a, b, loc);
  const mathCall = (name: string, args: ES.Expression[]) =>
    f.call(f.member(f.id("Math", loc), name, loc), args, loc);
  if (op === "^") return f.call(cx.helper("powr", loc), [a, b], loc);
  // luai_nummod: a - floor(a/b)*b
  return f.binary("-", a, f.binary("*", mathCall("floor", [f.binary("/", a, b, loc)]), b, loc), loc);
}

/** Lua's value of `a op b` for numbers, as x86 computes it (used for constant folding). */
function evalArith(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    default:
      return a - Math.floor(a / b) * b;
  }
}

/**
 * A numeric constant as emitted code. A NaN (which lcode.c never folds: it is computed at run
 * time, where x86 makes it negative) needs the helper, and is not a constant for folding.
 */
export function constantJs(cx: Lowerer, value: number, loc: Loc): Lowered {
  if (value !== value) return { js: cx.helper("NAN", loc), number: true, simple: true };
  const js = value === 0 ? zeroConstant(cx, value, loc) : f.num(value, loc);
  return { js, number: true, simple: true, constant: value };
}

function arith(cx: Lowerer, op: string, left: Lowered, right: Lowered, loc: Loc): Lowered {
  if (left.constant !== undefined && right.constant !== undefined && op !== "^") {
    if ((op !== "/" && op !== "%") || right.constant !== 0) {
      // lcode.c folds constants, except NaN results, which it leaves to run time — where x86
      // makes them negative NaNs, as constantJs emits
      return constantJs(cx, evalArith(op, left.constant, right.constant), loc);
    }
    // nor division or modulo by zero: the zero stays a constant of the function, sharing its
    // sign with the function's other zeros (zeros.ts). x % 0 and 0 / 0 are NaN whatever the
    // signs (x86's default NaN, negative); x / 0 is computed at run time from the settled zero
    if (op === "%" || left.constant === 0) {
      keepZero(cx, right.js);
      if (left.constant === 0) keepZero(cx, left.js);
      return constantJs(cx, NaN, loc);
    }
  }
  const { pre, a, b } = holdBoth(cx, left, right, loc);
  const fast = rawArith(cx, op, a.js, b.js, loc);
  const test = numberTest(cx, a, b, loc);
  if (test === null) return { js: f.seq([...pre, fast], loc), number: true };
  const slow = cx.callHelper(
    ARITH[op][1],
    [a.js, b.js, cx.descOrNull(a.desc, loc), cx.descOrNull(b.desc, loc)],
    loc,
  );
  return { js: f.seq([...pre, f.cond(test, fast, slow, loc)], loc) };
}

function compare(cx: Lowerer, op: string, left: Lowered, right: Lowered, loc: Loc): Lowered {
  const { pre, a, b } = holdBoth(cx, left, right, loc);
  const [jsop, helper, swap] = COMPARE[op];
  const fast = f.binary(jsop, a.js, b.js, loc);
  const test = numberTest(cx, a, b, loc);
  if (test === null) return { js: f.seq([...pre, fast], loc), bool: true };
  const slow = cx.callHelper(helper, swap ? [b.js, a.js] : [a.js, b.js], loc);
  return { js: f.seq([...pre, f.cond(test, fast, slow, loc)], loc), bool: true };
}

const isLiteral = (n: L.Expression) =>
  n.type === "NilLiteral" ||
  n.type === "BooleanLiteral" ||
  n.type === "NumericLiteral" ||
  n.type === "StringLiteral";

function equals(cx: Lowerer, node: L.BinaryExpression, loc: Loc): Lowered {
  const left = cx.expr(node.left);
  const right = cx.expr(node.right);
  let js: ES.Expression;
  if (isLiteral(node.left) || isLiteral(node.right)) {
    js = f.binary("===", left.js, right.js, loc);
  } else {
    const { pre, a, b } = holdBoth(cx, left, right, loc);
    const objTest = f.logical(
      "&&",
      f.binary("===", f.unary("typeof", a.js, loc), f.str("object", loc), loc),
      f.binary("===", f.unary("typeof", b.js, loc), f.str("object", loc), loc),
      loc,
    );
    const meta = f.logical("&&", objTest, cx.callHelper("eq", [a.js, b.js], loc), loc);
    js = f.seq([...pre, f.logical("||", f.binary("===", a.js, b.js, loc), meta, loc)], loc);
  }
  if (node.operator === "~=") js = f.unary("!", js, loc);
  return { js, bool: true };
}

function concat(cx: Lowerer, left: Lowered, right: Lowered, loc: Loc): Lowered {
  const { pre, a, b } = holdBoth(cx, left, right, loc);
  const isStr = (v: Lowered) => f.binary("===", f.unary("typeof", v.js, loc), f.str("string", loc), loc);
  const fast = f.binary("+", a.js, b.js, loc);
  const slow = cx.callHelper(
    "concat",
    [a.js, b.js, cx.descOrNull(a.desc, loc), cx.descOrNull(b.desc, loc)],
    loc,
  );
  return { js: f.seq([...pre, f.cond(f.logical("&&", isStr(a), isStr(b), loc), fast, slow, loc)], loc) };
}

export function binaryExpression(cx: Lowerer, node: L.BinaryExpression): Lowered {
  const loc = endLoc(node.loc);
  const op = node.operator as string;
  if (op === "==" || op === "~=") return equals(cx, node, loc);
  const left = cx.expr(node.left);
  const right = cx.expr(node.right);
  if (op in ARITH) return arith(cx, op, left, right, loc);
  if (op in COMPARE) return compare(cx, op, left, right, loc);
  if (op === "..") return concat(cx, left, right, loc);
  throw new Error(`unknown binary operator ${op}`);
}

export function unaryExpression(cx: Lowerer, node: L.UnaryExpression): Lowered {
  const loc = endLoc(node.loc);
  if (node.operator === "not") return { js: f.unary("!", condition(cx, node.argument), loc), bool: true };
  const arg = cx.expr(node.argument);
  if (node.operator === "-" && arg.constant !== undefined) return constantJs(cx, -arg.constant, loc);
  if (node.operator === "-") {
    if (arg.number) return { js: f.unary("-", arg.js, loc), number: true };
    const a = cx.hold(arg, loc);
    const fast = f.unary("-", a.ref, loc);
    const slow = cx.callHelper("unm", [a.ref, cx.descOrNull(arg.desc, loc)], loc);
    return { js: f.seq([...a.pre, f.cond(isNum(cx, { js: a.ref }, loc), fast, slow, loc)], loc) };
  }
  if (node.operator === "#") {
    return { js: cx.callHelper("len", [arg.js, cx.descOrNull(arg.desc, loc)], loc) };
  }
  throw new Error(`unknown unary operator ${node.operator}`);
}

/**
 * lcode.c's isnumeral after constant folding (constfolding): a number literal, or unary minus or
 * arithmetic on numerals that is not a division or modulo by zero and not a NaN. Its value, or
 * undefined.
 */
function numeral(n: L.Expression): number | undefined {
  if (n.type === "NumericLiteral") return n.value;
  if (n.type === "UnaryExpression") {
    if (n.operator !== "-") return undefined;
    const v = numeral(n.argument);
    return v === undefined ? undefined : -v;
  }
  if (n.type !== "BinaryExpression" || !(n.operator in ARITH)) return undefined;
  const a = numeral(n.left);
  const b = a === undefined ? undefined : numeral(n.right);
  if (a === undefined || b === undefined) return undefined;
  if ((n.operator === "/" || n.operator === "%") && b === 0) return undefined;
  const r = n.operator === "^" ? cPow(a, b) : evalArith(n.operator, a, b);
  return r === r ? r : undefined;
}

/**
 * The constant an expression is to lcode.c when it is an operand of `and`/`or`: VNIL, VFALSE,
 * VTRUE, or VK/VKNUM (a string, or a numeral); `not` of a constant is VTRUE or VFALSE, and `c
 * and x` / `c or x` whose constant c luaK_goiftrue / luaK_goiffalse folds away is x's. Else
 * undefined: the operand is tested at run time.
 */
function constantKind(n: L.Expression): "nil" | "false" | "true" | "k" | undefined {
  switch (n.type) {
    case "NilLiteral":
      return "nil";
    case "BooleanLiteral":
      return n.value ? "true" : "false";
    case "StringLiteral":
      return "k";
    case "UnaryExpression":
      if (n.operator === "not") {
        const c = constantKind(n.argument);
        if (c === undefined) return undefined;
        return c === "nil" || c === "false" ? "true" : "false";
      }
      break;
    case "LogicalExpression":
      return foldsLeft(n) === "right" ? constantKind(n.right) : undefined;
  }
  return numeral(n) === undefined ? undefined : "k";
}

/**
 * lcode.c's folding of a constant left operand: luaK_goiftrue leaves no jump for VK, VKNUM and
 * VTRUE, so `c and x` is x itself (errors still name it), and luaK_goiffalse none for VNIL and
 * VFALSE, so `c or x` is x; `nil and x`, `false and x`, `true or x`, `1 or x` are their left
 * operand's value. "right", "left", or undefined when the left operand is no constant.
 */
function foldsLeft(node: L.LogicalExpression): "right" | "left" | undefined {
  const c = constantKind(node.left);
  if (c === undefined) return undefined;
  const falsy = c === "nil" || c === "false";
  return (node.operator === "and") !== falsy ? "right" : "left";
}

export function logicalExpression(cx: Lowerer, node: L.LogicalExpression): Lowered {
  const loc = node.loc;
  // lcode.c folds a constant left operand: `false or x` is x itself (errors still name it)
  const fold = foldsLeft(node);
  if (fold !== undefined) return fold === "right" ? cx.expr(node.right) : cx.expr(node.left);
  const left = cx.expr(node.left);
  const right = cx.expr(node.right);
  if (left.bool && right.bool) {
    return { js: f.logical(node.operator === "and" ? "&&" : "||", left.js, right.js, loc), bool: true };
  }
  if (left.bool) {
    // a JS boolean on the left: `a and b` = a ? b : false; `a or b` = a ? true : b
    return node.operator === "and"
      ? { js: f.cond(left.js, right.js, f.bool(false, loc), loc) }
      : { js: f.cond(left.js, f.bool(true, loc), right.js, loc) };
  }
  const a = cx.simple(left, loc);
  const truthy = f.logical(
    "&&",
    f.binary("!==", a.ref, f.undef(loc), loc),
    f.binary("!==", a.ref2, f.bool(false, loc), loc),
    loc,
  );
  return node.operator === "and"
    ? { js: f.cond(truthy, right.js, a.ref2, loc) }
    : { js: f.cond(truthy, a.ref2, right.js, loc) };
}

/** A Lua expression used as a condition, lowered straight to a JS boolean. */
export function condition(cx: Lowerer, node: L.Expression): ES.Expression {
  const loc = node.loc;
  if (node.type === "LogicalExpression") {
    cx.exprs.push(node);
    const js = f.logical(
      node.operator === "and" ? "&&" : "||",
      condition(cx, node.left),
      condition(cx, node.right),
      loc,
    );
    cx.exprs.pop();
    return js;
  }
  if (node.type === "UnaryExpression" && node.operator === "not") {
    cx.exprs.push(node);
    const js = f.unary("!", condition(cx, node.argument), loc);
    cx.exprs.pop();
    return js;
  }
  if (node.type === "BooleanLiteral") return f.bool(node.value, loc);
  if (node.type === "NilLiteral") return f.bool(false, loc);
  return cx.test(cx.expr(node), loc);
}
