// What a Lua function does once a call returns, up to the place Lua 5.1's line hook would next
// fire (traceexec: a new line, a backward jump, a function's entry). Redis re-arms its hook with
// LUA_MASKLINE after raising a kill, so a kill that a pcall caught is raised again there; the
// entries and backward jumps are the interrupt checks' (context.ts `tick`), and the straight-line
// code in between is worked out here, per call site, from the Lua tree. The answer is packed into
// a number kept in the line table; the runtime (runtime/line-hook.ts) reads it for each frame on
// the stack when a pcall catches the kill. Lines follow lcode.c: an instruction gets the line of
// the last token read when it is emitted, a call the line of its '(' (luaK_fixline).
import type * as L from "luaparse";

/** The block being lowered and the statement in it: the lowerer keeps a stack of these. */
export interface Flow {
  body: L.Statement[];
  index: number;
  owner: Owner;
  /** how deep the lowerer's expression stack is at its statements */
  exprs: number;
}

/** What follows the end of a block. */
export type Owner =
  | { kind: "function"; endLine: number } // the implicit OP_RETURN, at `end` (or the chunk's last token)
  | { kind: "block" } // do … end and if clauses: on to the statement after
  | { kind: "while"; backEdge: number } // the JMP back lands on the condition (or the body)
  | { kind: "repeat"; node: L.RepeatStatement }
  | { kind: "for"; line: number; entry: number }; // OP_FORLOOP/OP_TFORLOOP's line; the body's entry

/** The hook fires at `line`; the function returns first; or it depends on values. */
export type After =
  { kind: "fire"; line: number; quiet: boolean } | { kind: "exit"; quiet: boolean } | { kind: "unknown" };
// `quiet`: nothing between the call's return and that point can call, fail or be seen (locals,
// constants, closures, table constructors), so raising at once is the same as raising there.

const UNKNOWN: After = { kind: "unknown" };

export function packAfter(a: After): number {
  if (a.kind === "unknown") return 0;
  return a.kind === "exit" ? 1 | (a.quiet ? 4 : 0) : packFire(a.line, a.quiet);
}

function packFire(line: number, quiet: boolean): number {
  return 2 | (quiet ? 4 : 0) | (line << 3);
}

export function unpackAfter(n: number): After {
  const kind = n & 3;
  if (kind === 1) return { kind: "exit", quiet: (n & 4) !== 0 };
  if (kind === 2) return { kind: "fire", line: n >>> 3, quiet: (n & 4) !== 0 };
  return UNKNOWN;
}

type AnyCall = L.CallExpression | L.StringCallExpression | L.TableCallExpression;

/** A call's position as the line table gets it (compiler/index.ts), tagged by lower/calls.ts. */
export interface CallPos {
  line: number;
  column: number;
  /** a Lua tail call (`return f(…)`) */
  tail: boolean;
  /** how Lua names the callee ("global 'f'") */
  call: string | undefined;
  /** what the caller does after the call returns (packAfter), and when its first result is false */
  after: number;
  afterFalse: number;
}
type Cont = (quiet: boolean) => After;
/** Locals known to hold false (the first result of the pcall that caught the kill) or true. */
type Known = Map<string, boolean>;

/** How many statements a walk looks at before giving up (a minified script on one line). */
const MAX_STEPS = 64;

/** The line OP_CALL gets: where the callee ends ('(' follows it). */
export function callLine(node: AnyCall): number {
  return node.base.loc?.end.line ?? 0;
}

/**
 * Works out, for a call being lowered, what its caller does once it returns: `pos.after`, and
 * `pos.afterFalse` for when the call is the pcall that caught the kill (`if not ok then`).
 * `exprs` is the lowerer's stack of expressions being lowered (the call's ancestors).
 */
export function afterCall(
  flows: Flow[],
  exprs: L.Expression[],
  call: AnyCall,
  isLocal: (name: string) => boolean,
  pos: CallPos,
): void {
  if (flows.length === 0) return;
  const top = flows[flows.length - 1];
  const s = top.body[top.index];
  const line = callLine(call);
  // the call's ancestors in its statement, outermost first, the call last
  const chain = exprs.slice(top.exprs);
  if (chain[chain.length - 1] !== call) chain.push(call);
  // most calls: the statement ends on the call's line and the next one starts on a new line
  const next = top.body[top.index + 1];
  if (next !== undefined && (s.loc?.end.line ?? line) === line && simpleStatement(s)) {
    const first = firstLineStmt(next, isLocal);
    if (first !== undefined && first !== line) {
      pos.after = pos.afterFalse = packFire(first, safeRest(s, chain, isLocal));
      return;
    }
  }
  const w = new Walk(flows, line, isLocal, safeRest(s, chain, isLocal));
  pos.after = pos.afterFalse = packAfter(w.fromCall(s, chain, undefined));
  if (!bindsFirst(s, chain)) return;
  w.steps = 0;
  pos.afterFalse = packAfter(w.fromCall(s, chain, new Map()));
}

/** A statement whose work after a call is straight-line (no branch, loop or return). */
function simpleStatement(s: L.Statement): boolean {
  return s.type === "CallStatement" || s.type === "LocalStatement" || s.type === "AssignmentStatement";
}

/** Whether the call's first result decides anything the walk can see: a local, a condition. */
function bindsFirst(s: L.Statement, chain: L.Expression[]): boolean {
  switch (s.type) {
    case "LocalStatement":
    case "AssignmentStatement":
      return chain.length === 1;
    case "IfStatement":
    case "WhileStatement":
    case "RepeatStatement":
      return true;
    default:
      return false;
  }
}

class Walk {
  steps = 0;
  /** locals the statements walked declare (not in scope yet where the call is lowered) */
  private readonly declared = new Set<string>();
  private readonly isLocal: (name: string) => boolean;

  constructor(
    private readonly flows: Flow[],
    private readonly line: number,
    isLocal: (name: string) => boolean,
    /** whether what is left of the call's statement is safe (safeRest) */
    private readonly rest: boolean,
  ) {
    this.isLocal = (name) => this.declared.has(name) || isLocal(name);
  }

  private declare(t: L.Statement): void {
    if (t.type === "LocalStatement") for (const v of t.variables) this.declared.add(v.name);
    else if (t.type === "FunctionDeclaration" && t.isLocal && t.identifier?.type === "Identifier") {
      this.declared.add(t.identifier.name);
    }
  }

  /** From the call's return: the rest of its statement, then what follows the statement. */
  fromCall(s: L.Statement, chain: L.Expression[], known: Known | undefined): After {
    const level = this.flows.length - 1;
    const top = this.flows[level];
    const call = chain[chain.length - 1] as AnyCall;
    const after = (q: boolean) => this.afterIndex(level, top.index, q, known);
    const rest = this.rest;
    switch (s.type) {
      case "CallStatement":
        // the call is the statement: nothing of it is left
        return s.expression === call ? after(true) : this.sameLine(s, rest, after);
      case "LocalStatement":
        this.declare(s);
        if (known !== undefined) bindFirst(s.variables, s.init, call, known);
        // results go straight to the new locals' registers
        if (s.init[s.init.length - 1] === call) return after(true);
        return this.sameLine(s, rest, after);
      case "AssignmentStatement": {
        if (known !== undefined) {
          const targets = s.variables.map((v) =>
            v.type === "Identifier" && this.isLocal(v.name) ? v : null,
          );
          bindFirst(targets, s.init, call, known);
        }
        return this.sameLine(s, rest, after);
      }
      case "ReturnStatement": {
        // OP_RETURN, after the values, gets the line of their last token
        const line = s.loc?.end.line ?? this.line;
        return line === this.line ? { kind: "exit", quiet: rest } : { kind: "fire", line, quiet: rest };
      }
      case "IfStatement": {
        const clause = s.clauses.find((c) => c.type !== "ElseClause" && chain[0] === c.condition);
        if (clause === undefined || clause.type === "ElseClause") return UNKNOWN;
        const k = s.clauses.indexOf(clause);
        const endLine = clause.condition.loc?.end.line ?? this.line;
        if (endLine !== this.line) return { kind: "fire", line: endLine, quiet: rest };
        const v = condValue(clause.condition, call, known);
        const brk = this.brk(level);
        if (v !== undefined) return this.ifFrom(s, k, v, rest, after, brk, known);
        return both(
          this.ifFrom(s, k, true, rest, after, brk, known),
          this.ifFrom(s, k, false, rest, after, brk, known),
        );
      }
      case "WhileStatement": {
        const cond = s.condition;
        const v = condValue(cond, call, known);
        const endLine = cond.loc?.end.line ?? this.line;
        if (endLine !== this.line) return { kind: "fire", line: endLine, quiet: rest };
        return this.whileFrom(s, v, rest, after);
      }
      case "RepeatStatement": {
        const v = condValue(s.condition, call, known);
        const endLine = s.condition.loc?.end.line ?? this.line;
        if (endLine !== this.line) return { kind: "fire", line: endLine, quiet: rest };
        return this.repeatFrom(s, v, rest, after);
      }
      case "ForNumericStatement":
      case "ForGenericStatement": {
        const entry = this.forEntry(s);
        // the loop body runs, entered by a backward jump, or the loop is skipped
        if (entry === this.line) return after(false);
        return both({ kind: "fire", line: entry, quiet: false }, after(false));
      }
      default:
        return UNKNOWN;
    }
  }

  /** The rest of a statement after the call: on this line, or reaching its last line. */
  private sameLine(s: L.Statement, quiet: boolean, next: Cont): After {
    const end = s.loc?.end.line ?? this.line;
    if (end === this.line) return next(quiet);
    return { kind: "fire", line: end, quiet };
  }

  /** `if` at clause k, whose condition came out `value`: its body, or the next clause. */
  private ifFrom(
    s: L.IfStatement,
    k: number,
    value: boolean,
    quiet: boolean,
    next: Cont,
    brk: Cont | undefined,
    known: Known | undefined,
  ): After {
    if (value) return this.list(s.clauses[k].body, 0, quiet, next, brk, known);
    return this.clause(s, k + 1, quiet, next, brk, known);
  }

  /** Entering clause k of an if (its condition, or the else body, or past the statement). */
  private clause(
    s: L.IfStatement,
    k: number,
    quiet: boolean,
    next: Cont,
    brk: Cont | undefined,
    known: Known | undefined,
  ): After {
    if (k >= s.clauses.length) return next(quiet);
    const c = s.clauses[k];
    if (c.type === "ElseClause") return this.list(c.body, 0, quiet, next, brk, known);
    const away = this.condElsewhere(c.condition, quiet);
    if (away !== undefined) return away;
    const q = quiet && safeExpr(c.condition, this.isLocal);
    const v = condValue(c.condition, undefined, known);
    if (v !== undefined) return this.ifFrom(s, k, v, q, next, brk, known);
    return both(this.ifFrom(s, k, true, q, next, brk, known), this.ifFrom(s, k, false, q, next, brk, known));
  }

  /** Where `break` goes from the block at `level`: past the innermost loop. */
  private brk(level: number): Cont | undefined {
    for (let l = level; l > 0; l--) {
      const k = this.flows[l].owner.kind;
      if (k === "function") return undefined;
      if (k === "while" || k === "repeat" || k === "for") {
        return (q) => this.afterIndex(l - 1, this.flows[l - 1].index, q, undefined);
      }
    }
    return undefined;
  }

  /** After statement `index` of the block at `level` completes. */
  private afterIndex(level: number, index: number, quiet: boolean, known: Known | undefined): After {
    const flow = this.flows[level];
    return this.list(flow.body, index + 1, quiet, (q) => this.blockEnd(level, q), this.brk(level), known);
  }

  /** The end of the block at `level`. */
  private blockEnd(level: number, quiet: boolean): After {
    const owner = this.flows[level].owner;
    switch (owner.kind) {
      case "function":
        return owner.endLine === this.line
          ? { kind: "exit", quiet }
          : { kind: "fire", line: owner.endLine, quiet };
      case "block":
        return this.afterIndex(level - 1, this.flows[level - 1].index, quiet, undefined);
      case "while":
        return { kind: "fire", line: owner.backEdge, quiet };
      case "repeat":
        return this.until(
          owner.node,
          quiet,
          (q) => this.afterIndex(level - 1, this.flows[level - 1].index, q, undefined),
          undefined,
        );
      case "for": {
        if (owner.line !== this.line) return { kind: "fire", line: owner.line, quiet };
        const out = this.afterIndex(level - 1, this.flows[level - 1].index, false, undefined);
        return owner.entry === this.line ? out : both({ kind: "fire", line: owner.entry, quiet: false }, out);
      }
    }
  }

  /** A repeat's `until`: the condition, then the backward jump or on past the loop. */
  private until(s: L.RepeatStatement, quiet: boolean, next: Cont, known: Known | undefined): After {
    const away = this.condElsewhere(s.condition, quiet);
    if (away !== undefined) return away;
    const q = quiet && safeExpr(s.condition, this.isLocal);
    return this.repeatFrom(s, condValue(s.condition, undefined, known), q, next);
  }

  /**
   * Reaching a condition from this line: where the hook fires first when the condition starts
   * or ends on another line (its value evaluated by then, for the quiet flag), else undefined.
   */
  private condElsewhere(cond: L.Expression, quiet: boolean): After | undefined {
    const first = firstLineExpr(cond, this.isLocal);
    if (first !== this.line) return { kind: "fire", line: first, quiet };
    const endLine = cond.loc?.end.line ?? this.line;
    if (endLine === this.line) return undefined;
    return { kind: "fire", line: endLine, quiet: quiet && safeExpr(cond, this.isLocal) };
  }

  /** A repeat's `until` evaluated on this line (v: its value, if known): round again or on. */
  private repeatFrom(s: L.RepeatStatement, v: boolean | undefined, q: boolean, next: Cont): After {
    const back: After = { kind: "fire", line: this.repeatEntry(s), quiet: q };
    if (v === true) return next(q);
    if (v === false) return back;
    return both(back, next(q));
  }

  /** A while's condition evaluated on this line (v: its value, if known): round again or out. */
  private whileFrom(s: L.WhileStatement, v: boolean | undefined, q: boolean, next: Cont): After {
    if (v === false) return next(q);
    const entry = this.loopEntry(s);
    if (v === true) return { kind: "fire", line: entry, quiet: q };
    // if it loops, the check at its back-edge (or entry) fires where Lua's hook would
    return entry === this.line ? next(false) : both({ kind: "fire", line: entry, quiet: q }, next(q));
  }

  /** Statements list[i…] run from this line, then `next`. */
  private list(
    list: L.Statement[],
    i: number,
    quiet: boolean,
    next: Cont,
    brk: Cont | undefined,
    known: Known | undefined,
  ): After {
    if (i >= list.length) return next(quiet);
    if (++this.steps > MAX_STEPS) return UNKNOWN;
    return this.step(list[i], quiet, (q) => this.list(list, i + 1, q, next, brk, known), brk, known);
  }

  /** One statement entered on this line (its first instruction may be on a new one). */
  private step(
    t: L.Statement,
    quiet: boolean,
    next: Cont,
    brk: Cont | undefined,
    known: Known | undefined,
  ): After {
    const first = firstLineStmt(t, this.isLocal);
    if (first !== undefined && first !== this.line) return { kind: "fire", line: first, quiet };
    const single = (t.loc?.end.line ?? this.line) === this.line;
    switch (t.type) {
      case "ReturnStatement": {
        const q = quiet && t.arguments.every((a) => safeExpr(a, this.isLocal));
        return single ? { kind: "exit", quiet: q } : { kind: "fire", line: t.loc!.end.line, quiet: q };
      }
      case "BreakStatement":
        return brk === undefined ? UNKNOWN : brk(quiet);
      case "DoStatement":
        return this.list(t.body, 0, quiet, next, brk, known);
      case "IfStatement":
        return this.clause(t, 0, quiet, next, brk, known);
      case "RepeatStatement":
        // the body runs at least once, entered by falling through
        return this.list(t.body, 0, quiet, (q) => this.until(t, q, next, known), next, known);
      case "WhileStatement": {
        const endLine = t.condition.loc?.end.line ?? this.line;
        const q = quiet && safeExpr(t.condition, this.isLocal);
        if (endLine !== this.line) return { kind: "fire", line: endLine, quiet: q };
        return this.whileFrom(t, condValue(t.condition, undefined, known), q, next);
      }
      case "ForNumericStatement":
      case "ForGenericStatement": {
        if (!single && forHeaderEnd(t) !== this.line) return UNKNOWN;
        const entry = this.forEntry(t);
        return entry === this.line
          ? next(false)
          : both({ kind: "fire", line: entry, quiet: false }, next(false));
      }
      default: {
        if (!single) return UNKNOWN;
        this.declare(t);
        if (known !== undefined) forget(t, known);
        return next(quiet && safeStmt(t, this.isLocal));
      }
    }
  }

  /** The line Lua's hook sees when a while loop's body is entered (its jump, if it is empty). */
  private loopEntry(s: L.WhileStatement): number {
    if (constantTrue(s.condition))
      return firstLineList(s.body, this.isLocal) ?? s.loc?.start.line ?? this.line;
    return firstLineList(s.body, this.isLocal) ?? s.condition.loc?.end.line ?? this.line;
  }

  private repeatEntry(s: L.RepeatStatement): number {
    return firstLineList(s.body, this.isLocal) ?? firstLineExpr(s.condition, this.isLocal);
  }

  private forEntry(s: L.ForNumericStatement | L.ForGenericStatement): number {
    return firstLineList(s.body, this.isLocal) ?? s.loc?.start.line ?? this.line;
  }
}

/** Both ways of a branch: the same answer, or unknown. */
function both(a: After, b: After): After {
  if (a.kind === "unknown" || b.kind === "unknown" || a.kind !== b.kind) return UNKNOWN;
  if (a.kind === "fire" && b.kind === "fire") {
    return a.line === b.line ? { kind: "fire", line: a.line, quiet: a.quiet && b.quiet } : UNKNOWN;
  }
  return { kind: "exit", quiet: a.quiet && b.quiet };
}

function forHeaderEnd(s: L.ForNumericStatement | L.ForGenericStatement): number {
  const last = s.type === "ForNumericStatement" ? (s.step ?? s.end) : s.iterators[s.iterators.length - 1];
  return last.loc?.end.line ?? 0;
}

/**
 * Records which locals get the call's first two results: false, and the error (a table or a
 * string: true) — the call is the pcall that caught the kill.
 */
function bindFirst(
  targets: (L.Identifier | L.Expression | null)[],
  init: L.Expression[],
  call: AnyCall,
  known: Known,
): void {
  const k = init.indexOf(call);
  if (k < 0) return;
  const t = targets[k];
  if (t && t.type === "Identifier") known.set(t.name, false);
  const e = targets[k + 1];
  if (e && e.type === "Identifier") known.set(e.name, true);
}

/** Names a statement assigns or declares no longer hold what we knew. */
function forget(t: L.Statement, known: Known): void {
  if (known.size === 0) return;
  if (t.type === "LocalStatement" || t.type === "AssignmentStatement") {
    for (const v of t.variables) if (v.type === "Identifier") known.delete(v.name);
  } else if (t.type === "FunctionDeclaration" && t.identifier?.type === "Identifier") {
    known.delete(t.identifier.name);
  }
}

/** The truth of a condition, when known: the call itself (false), a known local, `not` of one. */
function condValue(
  e: L.Expression,
  call: AnyCall | undefined,
  known: Known | undefined,
): boolean | undefined {
  if (known === undefined) return undefined;
  if (call !== undefined && e === call) return false;
  if (e.type === "Identifier") return known.get(e.name);
  if (e.type === "UnaryExpression" && e.operator === "not") {
    const v = condValue(e.argument, call, known);
    return v === undefined ? undefined : !v;
  }
  if (e.type === "BinaryExpression" && (e.operator === "==" || e.operator === "~=")) {
    const lit =
      e.right.type === "BooleanLiteral" ? e.right : e.left.type === "BooleanLiteral" ? e.left : undefined;
    const other = lit === e.right ? e.left : e.right;
    if (lit === undefined || lit.type !== "BooleanLiteral") return undefined;
    const v = condValue(other, call, known);
    if (v === undefined) return undefined;
    return (v === lit.value) === (e.operator === "==");
  }
  return undefined;
}

/** A condition that is always true and emits no test (`while true do`). */
export function constantTrue(e: L.Expression): boolean {
  return (
    (e.type === "BooleanLiteral" && e.value) || e.type === "NumericLiteral" || e.type === "StringLiteral"
  );
}

// ---- lines ------------------------------------------------------------------------------------

/**
 * The line of the first instruction an expression emits when evaluated into a register. Operands
 * come first, but locals and constants emit nothing as operands: the operation's own instruction,
 * emitted once its last token is read, comes first then (`a +\n b` is on b's line). A function's
 * OP_CLOSURE comes after its body (its `end`); OP_NEWTABLE before the fields.
 */
export function firstLineExpr(e: L.Expression, isLocal: (name: string) => boolean): number {
  return operandLine(e, isLocal) ?? e.loc?.end.line ?? 0;
}

/** firstLineExpr of an operand, or undefined when it emits nothing there (a local, a constant). */
function operandLine(e: L.Expression, isLocal: (name: string) => boolean): number | undefined {
  switch (e.type) {
    case "Identifier":
      return isLocal(e.name) ? undefined : e.loc?.start.line;
    case "NumericLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "NilLiteral":
      return undefined;
    case "FunctionDeclaration":
      return e.loc?.end.line;
    case "TableConstructorExpression":
    case "VarargLiteral":
      return e.loc?.start.line;
    case "BinaryExpression":
      return operandLine(e.left, isLocal) ?? operandLine(e.right, isLocal) ?? e.loc?.end.line;
    case "LogicalExpression":
      // the test of the left operand comes when the operator is read
      return operandLine(e.left, isLocal) ?? e.left.loc?.end.line;
    case "UnaryExpression":
      return operandLine(e.argument, isLocal) ?? e.loc?.end.line;
    case "MemberExpression":
    case "IndexExpression":
      return operandLine(e.base, isLocal) ?? e.loc?.end.line;
    case "CallExpression":
    case "StringCallExpression":
    case "TableCallExpression":
      // a local callee is moved to a register when '(' is read
      return operandLine(e.base, isLocal) ?? e.base.loc?.end.line;
  }
}

/** The line of a statement's first instruction (undefined: it emits none of its own first). */
export function firstLineStmt(t: L.Statement, isLocal: (name: string) => boolean): number | undefined {
  switch (t.type) {
    case "LocalStatement":
      // `local x` is an OP_LOADNIL after the names
      return t.init.length > 0 ? firstLineExpr(t.init[0], isLocal) : t.loc?.end.line;
    case "AssignmentStatement": {
      // a target's table (a global, or a field of one) is evaluated before the values
      const v = t.variables[0];
      if (v.type !== "Identifier" && !localRooted(v, isLocal)) return v.loc?.start.line;
      return firstLineExpr(t.init[0], isLocal);
    }
    case "CallStatement":
      return firstLineExpr(t.expression, isLocal);
    case "FunctionDeclaration": {
      // OP_CLOSURE after the body, unless `function a.b()` first fetches a global `a`
      const id = t.identifier;
      if (id !== null && id.type === "MemberExpression" && !localRooted(id, isLocal))
        return id.loc?.start.line;
      return t.loc?.end.line;
    }
    case "ReturnStatement":
      return t.arguments.length > 0 ? firstLineExpr(t.arguments[0], isLocal) : t.loc?.start.line;
    case "IfStatement": {
      const c = t.clauses[0];
      return c.type === "ElseClause" ? firstLineList(c.body, isLocal) : firstLineExpr(c.condition, isLocal);
    }
    case "WhileStatement":
      return constantTrue(t.condition)
        ? (firstLineList(t.body, isLocal) ?? t.loc?.start.line)
        : firstLineExpr(t.condition, isLocal);
    case "RepeatStatement":
      return firstLineList(t.body, isLocal) ?? firstLineExpr(t.condition, isLocal);
    case "ForNumericStatement":
      return firstLineExpr(t.start, isLocal);
    case "ForGenericStatement":
      return firstLineExpr(t.iterators[0], isLocal);
    case "DoStatement":
      return firstLineList(t.body, isLocal);
    default:
      return t.loc?.start.line;
  }
}

/** The first instruction's line of a block of statements, if any emits one. */
export function firstLineList(list: L.Statement[], isLocal: (name: string) => boolean): number | undefined {
  for (const s of list) {
    const l = firstLineStmt(s, isLocal);
    if (l !== undefined) return l;
  }
  return undefined;
}

/** `a.b.c` whose root `a` is a local: nothing is fetched before the value. */
function localRooted(e: L.Expression, isLocal: (name: string) => boolean): boolean {
  if (e.type === "MemberExpression" || e.type === "IndexExpression") {
    // only `local.x` itself: deeper paths index first
    return (
      e.base.type === "Identifier" && isLocal(e.base.name) && (e.type === "MemberExpression" || simpleKey(e))
    );
  }
  return e.type === "Identifier" && isLocal(e.name);
}

function simpleKey(e: L.IndexExpression): boolean {
  const k = e.index.type;
  return k === "StringLiteral" || k === "NumericLiteral" || k === "BooleanLiteral";
}

// ---- safety -----------------------------------------------------------------------------------

/**
 * Whether evaluating an expression can't call anything, fail, or be seen: constants, locals,
 * `...`, closures, table constructors of those, `not`, `and`/`or`, and `==`/`~=` against a
 * constant (no __eq for mixed types). Globals are not: Redis's read of a missing one fails.
 */
function safeExpr(e: L.Expression, isLocal: (name: string) => boolean): boolean {
  switch (e.type) {
    case "NumericLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "NilLiteral":
    case "VarargLiteral":
    case "FunctionDeclaration":
      return true;
    case "Identifier":
      return isLocal(e.name);
    case "UnaryExpression":
      return e.operator === "not" && safeExpr(e.argument, isLocal);
    case "LogicalExpression":
      return safeExpr(e.left, isLocal) && safeExpr(e.right, isLocal);
    case "BinaryExpression":
      return (
        (e.operator === "==" || e.operator === "~=") &&
        (literal(e.left) || literal(e.right)) &&
        safeExpr(e.left, isLocal) &&
        safeExpr(e.right, isLocal)
      );
    case "TableConstructorExpression":
      return e.fields.every(
        (f) =>
          safeExpr(f.value, isLocal) &&
          (f.type !== "TableKey" || (literal(f.key) && f.key.type !== "NilLiteral")),
      );
    default:
      return false;
  }
}

function literal(e: L.Expression): boolean {
  return (
    e.type === "NumericLiteral" ||
    e.type === "StringLiteral" ||
    e.type === "BooleanLiteral" ||
    e.type === "NilLiteral"
  );
}

/** A statement on one line that is safe as a whole (its values, and stores only to locals). */
function safeStmt(t: L.Statement, isLocal: (name: string) => boolean): boolean {
  switch (t.type) {
    case "LocalStatement":
      return t.init.every((e) => safeExpr(e, isLocal));
    case "AssignmentStatement":
      return (
        t.variables.every((v) => v.type === "Identifier" && isLocal(v.name)) &&
        t.init.every((e) => safeExpr(e, isLocal))
      );
    case "FunctionDeclaration":
      return t.isLocal;
    default:
      return false;
  }
}

/**
 * Whether everything a statement still evaluates after a call returns is safe: the operations
 * enclosing the call (`chain`: its ancestors, outermost first), the operands after it, and the
 * statement's own stores.
 */
function safeRest(s: L.Statement, chain: L.Expression[], isLocal: (name: string) => boolean): boolean {
  // stores to globals and tables can fail, and so can what a target's expressions do
  if (s.type === "AssignmentStatement") {
    if (!s.variables.every((v) => v.type === "Identifier" && isLocal(v.name))) return false;
    if ((s.variables as L.Expression[]).includes(chain[0])) return false;
  }
  for (const e of statementExprs(s, chain[0])) if (!safeExpr(e, isLocal)) return false;
  for (let i = chain.length - 2; i >= 0; i--) {
    const node = chain[i];
    if (!opSafe(node)) return false;
    for (const later of childrenAfter(node, chain[i + 1])) if (!safeExpr(later, isLocal)) return false;
  }
  return true;
}

/** The statement's top-level expressions evaluated after the one on the path. */
function statementExprs(s: L.Statement, onPath: L.Node): L.Expression[] {
  let list: L.Expression[] = [];
  if (s.type === "LocalStatement" || s.type === "AssignmentStatement") list = s.init;
  else if (s.type === "ReturnStatement") list = s.arguments;
  else if (s.type === "ForNumericStatement") list = [s.start, s.end, ...(s.step ? [s.step] : [])];
  else if (s.type === "ForGenericStatement") list = s.iterators;
  const i = list.indexOf(onPath as L.Expression);
  return i < 0 ? [] : list.slice(i + 1);
}

/** An expression's own operation (after its operands) can't call or fail. */
function opSafe(e: L.Expression): boolean {
  switch (e.type) {
    case "LogicalExpression":
    case "TableConstructorExpression":
      return true;
    case "UnaryExpression":
      return e.operator === "not";
    case "BinaryExpression":
      return (e.operator === "==" || e.operator === "~=") && (literal(e.left) || literal(e.right));
    default:
      return false;
  }
}

/** The operands of `node` evaluated after `child`. */
function childrenAfter(node: L.Expression, child: L.Node): L.Expression[] {
  const kids = childExprs(node);
  const i = kids.indexOf(child as L.Expression);
  return i < 0 ? [] : kids.slice(i + 1);
}

/** The sub-expressions of an expression in evaluation order (not into function bodies). */
function childExprs(e: L.Expression): L.Expression[] {
  switch (e.type) {
    case "CallExpression":
      return [e.base, ...e.arguments];
    case "StringCallExpression":
      return [e.base, e.argument];
    case "TableCallExpression":
      return [e.base, e.arguments];
    case "MemberExpression":
      return [e.base];
    case "IndexExpression":
      return [e.base, e.index];
    case "BinaryExpression":
    case "LogicalExpression":
      return [e.left, e.right];
    case "UnaryExpression":
      return [e.argument];
    case "TableConstructorExpression": {
      const out: L.Expression[] = [];
      for (const f of e.fields) {
        if (f.type === "TableKey") out.push(f.key);
        out.push(f.value);
      }
      return out;
    }
    default:
      return [];
  }
}
