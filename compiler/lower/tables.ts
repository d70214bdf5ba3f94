// Visitor for table constructors. Emits `$table(positional, keyed, lastMulti)`: the
// positional values in order, the keyed fields as a flat [k1, v1, k2, v2, …] list, and a
// trailing multi-value expression whose values all go to the array part. When positional
// and keyed fields interleave, values are held in temps so evaluation keeps source order.
// A record of distinct constant string keys (`{x = 1, y = 2}`) is `$trec('["x","y"]', 1, 2)`:
// OP_NEWTABLE then one OP_SETTABLE per field, replayed once per constructor into a layout
// that each table copies. With a key repeated it is built in place instead:
// `($1 = $tnew(0, n), $tsets($1, "x", h, 1), …, $1)`.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import { stringValue } from "../strings.js";
import type { Lowerer, Lowered } from "./context.js";
import { keyArgs } from "./keys.js";

/** Records of up to this many fields are made from a layout ($trec). */
const MAX_RECORD_FIELDS = 64;

/** The constant string key of a record field, if it has one. */
function stringKey(field: L.TableKey | L.TableKeyString | L.TableValue): string | undefined {
  if (field.type === "TableKeyString") return field.key.name;
  if (field.type === "TableKey" && field.key.type === "StringLiteral") return stringValue(field.key.raw);
  return undefined;
}

export function tableConstructor(cx: Lowerer, node: L.TableConstructorExpression): Lowered {
  const loc = node.loc;
  const fields = node.fields;
  if (fields.length === 0) return { js: cx.callHelper("table", [], loc) };
  const names = fields.map(stringKey);
  if (names.every((n) => n !== undefined)) {
    if (new Set(names).size === names.length && names.length <= MAX_RECORD_FIELDS) {
      // distinct keys: the node part comes from the constructor's layout, made once
      const values = fields.map((field) => cx.expr((field as L.TableKey | L.TableKeyString).value).js);
      return { js: cx.callHelper("trec", [f.str(JSON.stringify(names), loc), ...values], loc) };
    }
    const t = cx.scopes.temp();
    const seq: ES.Expression[] = [
      f.assign(f.id(t, loc), cx.callHelper("tnew", [f.num(0, loc), f.num(fields.length, loc)], loc), loc),
    ];
    fields.forEach((field, i) => {
      const value = cx.expr((field as L.TableKey | L.TableKeyString).value).js;
      seq.push(cx.callHelper("tsets", [f.id(t, loc), ...keyArgs(names[i]!, loc), value], loc));
    });
    seq.push(f.id(t, loc));
    return { js: f.seq(seq, loc) };
  }
  const positional: ES.Expression[] = [];
  const keyed: ES.Expression[] = [];
  let multi: ES.Expression | null = null;
  const pre: ES.Expression[] = [];
  const mixed = fields.some((x) => x.type === "TableValue") && fields.some((x) => x.type !== "TableValue");
  const keep = (v: Lowered): ES.Expression => {
    if (!mixed || v.simple) return v.js;
    const h = cx.hold(v, loc);
    pre.push(...h.pre);
    return h.ref;
  };
  fields.forEach((field, i) => {
    if (field.type === "TableValue") {
      if (i === fields.length - 1 && cx.isMulti(field.value)) {
        multi = cx.multi(field.value);
      } else {
        positional.push(keep(cx.expr(field.value)));
      }
    } else if (field.type === "TableKeyString") {
      keyed.push(f.str(field.key.name, field.key.loc), keep(cx.expr(field.value)));
    } else {
      keyed.push(keep(cx.expr(field.key)), keep(cx.expr(field.value)));
    }
  });
  const args: ES.Expression[] = [f.array(positional, loc)];
  if (keyed.length > 0 || multi !== null) args.push(keyed.length > 0 ? f.array(keyed, loc) : f.undef(loc));
  if (multi !== null) args.push(multi);
  const call = cx.callHelper("table", args, loc);
  return { js: pre.length > 0 ? f.seq([...pre, call], loc) : call };
}
