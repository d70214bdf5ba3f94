// The visitor registry: one visitor per Lua node kind, in one typed map.
import type { Visitors } from "./context.js";
import * as expr from "./expressions.js";
import * as ops from "./operators.js";
import * as calls from "./calls.js";
import * as fns from "./functions.js";
import * as stmts from "./statements.js";
import * as loops from "./loops.js";
import { tableConstructor } from "./tables.js";

export const visitors: Visitors = {
  statements: {
    LocalStatement: stmts.localStatement,
    AssignmentStatement: stmts.assignmentStatement,
    CallStatement: calls.callStatement,
    FunctionDeclaration: fns.functionDeclaration,
    ReturnStatement: fns.returnStatement,
    IfStatement: stmts.ifStatement,
    DoStatement: stmts.doStatement,
    BreakStatement: stmts.breakStatement,
    WhileStatement: loops.whileStatement,
    RepeatStatement: loops.repeatStatement,
    ForNumericStatement: loops.forNumericStatement,
    ForGenericStatement: loops.forGenericStatement,
  },
  expressions: {
    Identifier: expr.identifier,
    StringLiteral: expr.stringLiteral,
    NumericLiteral: expr.numericLiteral,
    BooleanLiteral: expr.booleanLiteral,
    NilLiteral: expr.nilLiteral,
    VarargLiteral: expr.varargLiteral,
    MemberExpression: expr.memberExpression,
    IndexExpression: expr.indexExpression,
    CallExpression: calls.callExpression,
    StringCallExpression: calls.callExpression,
    TableCallExpression: calls.callExpression,
    FunctionDeclaration: fns.functionExpression,
    BinaryExpression: ops.binaryExpression,
    UnaryExpression: ops.unaryExpression,
    LogicalExpression: ops.logicalExpression,
    TableConstructorExpression: tableConstructor,
  },
  multi: {
    CallExpression: calls.callMulti,
    StringCallExpression: calls.callMulti,
    TableCallExpression: calls.callMulti,
    VarargLiteral: expr.varargMulti,
  },
};
