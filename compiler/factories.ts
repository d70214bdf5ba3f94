// ESTree node factories. Every factory takes the Lua position it implements, so each
// emitted identifier and literal carries a source-map position back to the Lua source.
// Pure data builders over @types/estree; no knowledge of Lua semantics.
import type * as ES from "estree";

export interface Pos {
  line: number;
  column: number;
}
export interface Loc {
  start: Pos;
  end: Pos;
}

function at<T extends ES.Node>(node: T, loc: Loc | null | undefined): T {
  if (loc) (node as ES.Node).loc = { start: loc.start, end: loc.end };
  return node;
}

export const id = (name: string, loc?: Loc | null): ES.Identifier => at({ type: "Identifier", name }, loc);

export function num(value: number, loc?: Loc | null): ES.Expression {
  if (value < 0 || Object.is(value, -0)) return unary("-", num(-value, loc), loc);
  if (value === Infinity) return binary("/", num(1, loc), num(0, loc), loc);
  if (value !== value) return binary("/", num(0, loc), num(0, loc), loc);
  return at({ type: "Literal", value, raw: String(value) }, loc);
}

/** A string literal holding Lua bytes; raw is JSON-escaped so the JS source stays ASCII. */
export function str(value: string, loc?: Loc | null): ES.Literal {
  return at({ type: "Literal", value, raw: '"' + escapeJs(value) + '"' }, loc);
}

/** The chars a JS literal of Lua bytes escapes: quote, backslash and all but printable ASCII. */
const SPECIAL = /["\\\x00-\x1f\x7f-\xff]/g;
/** Longer values are escaped a block at a time (a regex replace's parts are one array). */
const ESCAPE_BLOCK = 1 << 16;

function escapeChar(ch: string): string {
  if (ch === '"') return '\\"';
  if (ch === "\\") return "\\\\";
  return "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0");
}

/** `value` escaped for a double-quoted JS literal, in flat pieces even at hundreds of MB. */
function escapeJs(value: string): string {
  if (value.length <= ESCAPE_BLOCK) return value.replace(SPECIAL, escapeChar);
  const blocks: string[] = [];
  for (let i = 0; i < value.length; i += ESCAPE_BLOCK) {
    blocks.push(value.slice(i, i + ESCAPE_BLOCK).replace(SPECIAL, escapeChar));
  }
  return blocks.join("");
}

export const bool = (value: boolean, loc?: Loc | null): ES.Literal =>
  at({ type: "Literal", value, raw: String(value) }, loc);

export const undef = (loc?: Loc | null): ES.Expression => unary("void", num(0, loc), loc);

export const unary = (operator: ES.UnaryOperator, argument: ES.Expression, loc?: Loc | null): ES.Expression =>
  at({ type: "UnaryExpression", operator, prefix: true, argument }, loc);

export const update = (operator: "++" | "--", argument: ES.Expression, prefix: boolean, loc?: Loc | null) =>
  at({ type: "UpdateExpression", operator, argument, prefix } as ES.UpdateExpression, loc);

export const binary = (
  operator: ES.BinaryOperator,
  left: ES.Expression,
  right: ES.Expression,
  loc?: Loc | null,
): ES.Expression => at({ type: "BinaryExpression", operator, left, right }, loc);

export const logical = (
  operator: ES.LogicalOperator,
  left: ES.Expression,
  right: ES.Expression,
  loc?: Loc | null,
): ES.Expression => at({ type: "LogicalExpression", operator, left, right }, loc);

export const cond = (
  test: ES.Expression,
  consequent: ES.Expression,
  alternate: ES.Expression,
  loc?: Loc | null,
): ES.Expression => at({ type: "ConditionalExpression", test, consequent, alternate }, loc);

export const assign = (
  left: ES.Pattern | ES.MemberExpression,
  right: ES.Expression,
  loc?: Loc | null,
  operator: ES.AssignmentOperator = "=",
): ES.Expression =>
  at({ type: "AssignmentExpression", operator, left, right } as ES.AssignmentExpression, loc);

export const seq = (expressions: ES.Expression[], loc?: Loc | null): ES.Expression =>
  expressions.length === 1 ? expressions[0] : at({ type: "SequenceExpression", expressions }, loc);

export const call = (callee: ES.Expression, args: (ES.Expression | ES.SpreadElement)[], loc?: Loc | null) =>
  at({ type: "CallExpression", callee, arguments: args, optional: false } as ES.CallExpression, loc);

export const spread = (argument: ES.Expression, loc?: Loc | null): ES.SpreadElement =>
  at({ type: "SpreadElement", argument }, loc);

export const member = (object: ES.Expression, property: string, loc?: Loc | null): ES.MemberExpression =>
  at(
    { type: "MemberExpression", object, property: id(property, loc), computed: false, optional: false },
    loc,
  );

export const element = (object: ES.Expression, index: ES.Expression, loc?: Loc | null): ES.MemberExpression =>
  at({ type: "MemberExpression", object, property: index, computed: true, optional: false }, loc);

export const array = (elements: (ES.Expression | ES.SpreadElement)[], loc?: Loc | null): ES.ArrayExpression =>
  at({ type: "ArrayExpression", elements }, loc);

export const yieldExpr = (argument: ES.Expression, delegate: boolean, loc?: Loc | null): ES.Expression =>
  at({ type: "YieldExpression", argument, delegate }, loc);

export const exprStmt = (expression: ES.Expression, loc?: Loc | null): ES.Statement =>
  at({ type: "ExpressionStatement", expression }, loc);

export const block = (body: ES.Statement[], loc?: Loc | null): ES.BlockStatement =>
  at({ type: "BlockStatement", body }, loc);

export const ifStmt = (
  test: ES.Expression,
  consequent: ES.Statement,
  alternate: ES.Statement | null,
  loc?: Loc | null,
): ES.Statement => at({ type: "IfStatement", test, consequent, alternate }, loc);

export const whileStmt = (test: ES.Expression, body: ES.Statement, loc?: Loc | null): ES.Statement =>
  at({ type: "WhileStatement", test, body }, loc);

export const forStmt = (
  init: ES.VariableDeclaration | ES.Expression | null,
  test: ES.Expression | null,
  updateExpr: ES.Expression | null,
  body: ES.Statement,
  loc?: Loc | null,
): ES.Statement => at({ type: "ForStatement", init, test, update: updateExpr, body }, loc);

export const breakStmt = (loc?: Loc | null, label?: string): ES.Statement =>
  at({ type: "BreakStatement", label: label ? id(label) : null }, loc);

export const labeled = (label: string, body: ES.Statement, loc?: Loc | null): ES.Statement =>
  at({ type: "LabeledStatement", label: id(label), body }, loc);

export const returnStmt = (argument: ES.Expression | null, loc?: Loc | null): ES.Statement =>
  at({ type: "ReturnStatement", argument }, loc);

export const throwStmt = (argument: ES.Expression, loc?: Loc | null): ES.Statement =>
  at({ type: "ThrowStatement", argument }, loc);

export function varDecl(
  kind: "let" | "const" | "var",
  decls: [string, ES.Expression | null][],
  loc?: Loc | null,
): ES.VariableDeclaration {
  return at(
    {
      type: "VariableDeclaration",
      kind,
      declarations: decls.map(([name, init]) =>
        at({ type: "VariableDeclarator", id: id(name, loc), init }, loc),
      ),
    },
    loc,
  );
}

export function fn(
  name: string | null,
  params: string[],
  rest: string | null,
  body: ES.Statement[],
  generator: boolean,
  loc?: Loc | null,
): ES.FunctionExpression {
  const ps: ES.Pattern[] = params.map((p) => id(p, loc));
  if (rest !== null) ps.push(at({ type: "RestElement", argument: id(rest, loc) }, loc));
  return at(
    {
      type: "FunctionExpression",
      id: name ? id(name, loc) : null,
      params: ps,
      body: block(body, loc),
      generator,
      async: false,
    },
    loc,
  );
}

export const program = (body: ES.Statement[]): ES.Program => ({
  type: "Program",
  sourceType: "script",
  body,
});
