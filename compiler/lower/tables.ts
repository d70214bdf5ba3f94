// Visitor for table constructors. Emits `$table(positional, keyed, lastMulti)`: the
// positional values in order, the keyed fields as a flat [k1, v1, k2, v2, …] list, and a
// trailing multi-value expression whose values all go to the array part. When positional
// and keyed fields interleave, values are held in temps so evaluation keeps source order.
import type * as L from "luaparse";
import type * as ES from "estree";
import * as f from "../factories.js";
import type { Lowerer, Lowered } from "./context.js";

export function tableConstructor(cx: Lowerer, node: L.TableConstructorExpression): Lowered {
  const loc = node.loc;
  const fields = node.fields;
  if (fields.length === 0) return { js: cx.callHelper("table", [], loc) };
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
