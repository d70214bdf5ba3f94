// Visitors for Lua's loops: while, repeat-until, numeric for and generic for. Each loop
// gets an interrupt check once per iteration, where Lua's line hook fires when it goes round
// (after a kill Redis raises it again there): at the top of the body when the body is entered by
// a backward jump or on a new line, else at the bottom (the jump back). Loop variables are fresh
// JS `let` bindings per iteration, so closures capture each one.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import type { Lowerer, Lowered, Loc } from "./context.js";
import { condition } from "./operators.js";
import { adjust } from "./statements.js";
import { keepZero } from "./zeros.js";
import { constantTrue, firstLineExpr, firstLineList, type Owner } from "./after.js";

/** Where a loop's interrupt check goes and the line Lua's hook reports there. */
interface Tick {
  line: number;
  bottom: boolean;
}

function loopBody(
  cx: Lowerer,
  body: L.Statement[],
  prefix: ES.Statement[],
  loc: Loc,
  owner: Owner,
  tick: Tick,
): ES.Statement[] {
  cx.loopDepth++;
  const stmts = cx.block(body, owner);
  const check = cx.tick(loc, tick.line);
  const out = tick.bottom ? [...prefix, ...stmts, check] : [...prefix, check, ...stmts];
  cx.loopDepth--;
  return out;
}

export function whileStatement(cx: Lowerer, node: L.WhileStatement): ES.Statement[] {
  const cond = node.condition;
  const test = condition(cx, cond);
  cx.scopes.enterBlock();
  const first = firstLineList(node.body, cx.isLocal);
  let tick: Tick;
  let backEdge: number;
  if (constantTrue(cond)) {
    // no condition code: the jump back lands on the body (or on itself)
    const line = node.loc?.start.line ?? 0;
    backEdge = first ?? line;
    tick = { line: backEdge, bottom: backEdge === line };
  } else {
    // the jump back lands on the condition; the body's entry fires if it is on a new line
    const condEnd = cond.loc?.end.line ?? 0;
    backEdge = firstLineExpr(cond, cx.isLocal);
    const entry = first ?? condEnd;
    tick = entry === condEnd ? { line: backEdge, bottom: true } : { line: entry, bottom: false };
  }
  const body = loopBody(cx, node.body, [], node.loc, { kind: "while", backEdge }, tick);
  cx.scopes.leave();
  return [f.whileStmt(test, f.block(body, node.loc), node.loc)];
}

export function repeatStatement(cx: Lowerer, node: L.RepeatStatement): ES.Statement[] {
  // the condition sees the body's locals, so it lives inside the body's block; the jump back,
  // after it, lands on the body's first instruction
  cx.scopes.enterBlock();
  const entry = firstLineList(node.body, cx.isLocal) ?? firstLineExpr(node.condition, cx.isLocal);
  cx.loopDepth++;
  const body = cx.block(node.body, { kind: "repeat", node });
  cx.loopDepth--;
  body.push(
    f.ifStmt(condition(cx, node.condition), f.breakStmt(node.condition.loc), null, node.condition.loc),
    cx.tick(node.loc, entry),
  );
  cx.scopes.leave();
  return [f.forStmt(null, null, null, f.block(body, node.loc), node.loc)];
}

/** A for loop's body is entered by OP_FORLOOP/OP_TFORLOOP's backward jump, every time. */
function forOwner(cx: Lowerer, node: L.ForNumericStatement | L.ForGenericStatement): [Owner, Tick] {
  const line = node.loc?.start.line ?? 0;
  const entry = firstLineList(node.body, cx.isLocal) ?? line;
  return [
    { kind: "for", line, entry },
    { line: entry, bottom: false },
  ];
}

/** A for-loop control value converted to a number, with 5.1's error if it isn't one. */
function forValue(cx: Lowerer, v: Lowered, what: string, loc: Loc): ES.Expression {
  if (v.number) return v.js;
  return cx.callHelper("forNum", [v.js, f.str(what, loc)], loc);
}

export function forNumericStatement(cx: Lowerer, node: L.ForNumericStatement): ES.Statement[] {
  const loc = node.loc;
  const startL = cx.expr(node.start);
  const start = forValue(cx, startL, "initial value", node.start.loc);
  const limit = forValue(cx, cx.expr(node.end), "limit", node.end.loc);
  const stepNode = node.step;
  const stepL: Lowered = stepNode
    ? cx.expr(stepNode)
    : { js: f.num(1, loc), number: true, simple: true, constant: 1 };
  const step = forValue(cx, stepL, "step", stepNode?.loc ?? loc);
  const v = cx.scopes.fresh("v");
  const l = cx.scopes.fresh("l");
  const s = cx.scopes.fresh("s");
  // OP_FORPREP subtracts the step and the first OP_FORLOOP adds it back: the first value is
  // (start - step) + step, which is not start for -0 or when the step swamps it
  const declarators: [string, ES.Expression][] = [];
  if (startL.constant !== undefined && stepL.constant !== undefined) {
    const first = startL.constant - stepL.constant + stepL.constant;
    if (Object.is(first, startL.constant)) declarators.push([v, start]);
    else {
      keepZero(cx, start); // still a constant of the function's table
      declarators.push([v, f.num(first, node.start.loc)]);
    }
    declarators.push([l, limit], [s, step]);
  } else if (stepL.constant !== undefined) {
    declarators.push([v, f.binary("+", f.binary("-", start, step, loc), step, loc)], [l, limit], [s, step]);
  } else {
    const t = cx.scopes.fresh("i");
    declarators.push(
      [t, start],
      [l, limit],
      [s, step],
      [v, f.binary("+", f.binary("-", f.id(t, loc), f.id(s, loc), loc), f.id(s, loc), loc)],
    );
  }
  // a literal step fixes the direction at compile time
  const stepConst =
    stepNode === null
      ? 1
      : stepNode.type === "NumericLiteral"
        ? stepNode.value
        : stepNode.type === "UnaryExpression" &&
            stepNode.operator === "-" &&
            stepNode.argument.type === "NumericLiteral"
          ? -stepNode.argument.value
          : null;
  const up = f.binary("<=", f.id(v, loc), f.id(l, loc), loc);
  const down = f.binary(">=", f.id(v, loc), f.id(l, loc), loc);
  const test =
    stepConst === null
      ? f.cond(f.binary(">", f.id(s, loc), f.num(0, loc), loc), up, down, loc)
      : stepConst > 0
        ? up
        : down;
  cx.scopes.enterBlock();
  const variable = cx.scopes.declare(node.variable.name);
  // a loop variable the body never assigns stays a number: skip its type checks
  if (!assigns(node.body, node.variable.name)) variable.number = true;
  const [owner, tick] = forOwner(cx, node);
  const body = loopBody(
    cx,
    node.body,
    [f.varDecl("let", [[variable.jsName, f.id(v, loc)]], node.variable.loc)],
    loc,
    owner,
    tick,
  );
  cx.scopes.leave();
  const init = f.varDecl("let", declarators, loc);
  const inc = f.assign(f.id(v, loc), f.id(s, loc), loc, "+=");
  return [f.forStmt(init, test, inc, f.block(body, loc), loc)];
}

export function forGenericStatement(cx: Lowerer, node: L.ForGenericStatement): ES.Statement[] {
  const loc = node.loc;
  const { pre, values } = adjust(cx, node.iterators, 3, loc);
  const it = cx.scopes.fresh("it");
  const init = f.varDecl("let", [[it, cx.callHelper("iter", values, loc)]], loc);
  cx.scopes.enterBlock();
  const vars = node.variables.map((id) => cx.scopes.declare(id.name));
  const itRef = f.id(it, loc);
  // step: call the iterator (a generator-mode call inside coroutines), stop on nil
  // the VM calls the iterator through luaD_call, a C boundary: it can't yield, even in a
  // coroutine (5.1 raises "attempt to yield across metamethod/C-call boundary")
  const step: ES.Expression = f.call(f.member(itRef, "step", loc), [], loc);
  const prefix: ES.Statement[] = [f.ifStmt(f.unary("!", step, loc), f.breakStmt(loc), null, loc)];
  const decls: [string, ES.Expression][] = vars.map((v, i) => [
    v.jsName,
    i === 0
      ? f.member(itRef, "k", loc)
      : i === 1
        ? f.member(itRef, "v", loc)
        : f.element(f.member(itRef, "rest", loc), f.num(i - 2, loc), loc),
  ]);
  prefix.push(f.varDecl("let", decls, loc));
  // the check comes after the iterator's call, as Lua's hook fires after OP_TFORLOOP
  const [owner, tick] = forOwner(cx, node);
  const body = loopBody(cx, node.body, prefix, loc, owner, tick);
  cx.scopes.leave();
  return [f.block([...pre, f.forStmt(init, null, null, f.block(body, loc), loc)], loc)];
}

/** Whether any statement in a body (nested functions included) assigns to a name. */
function assigns(body: L.Statement[], name: string): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const node = n as { type?: string; variables?: L.Expression[] };
    if (node.type === "AssignmentStatement") {
      for (const v of node.variables ?? []) if (v.type === "Identifier" && v.name === name) found = true;
    }
    for (const key of Object.keys(node))
      if (key !== "loc" && key !== "range") visit((node as Record<string, unknown>)[key]);
  };
  visit(body);
  return found;
}
