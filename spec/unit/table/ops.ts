// Replays a table "operation list" (cases/*.ops) on LuaTable and prints what each reading op
// sees, in the same words as ops-driver.lua prints them under the real lua5.1 or Redis.
// Also the reference for how a compiler lowers a table constructor (see `construct`).
import { LuaTable } from "../../../runtime/table.js";
import { formatG, numberToString } from "../../../runtime/number.js";
import type { LuaValue } from "../../../runtime/value.js";

/** One item of a `ctor` op: a list item, a record field `[key] = value`, or a final `...`. */
export type CtorItem =
  | { kind: "list"; value: LuaValue }
  | { kind: "record"; key: LuaValue; value: LuaValue }
  | { kind: "multi"; values: LuaValue[] };

/** lparser.c's LFIELDS_PER_FLUSH: list items are stored every 50. */
const FIELDS_PER_FLUSH = 50;

/**
 * What `{ items }` does in Lua 5.1: OP_NEWTABLE with the counts as size hints (list items
 * without a final multi-value item, record fields), record fields stored as they come, list
 * items stored by OP_SETLIST in blocks of 50 (a block is stored when the next item begins)
 * and at the end, where a final multi-value item may grow the array part.
 */
export function construct(items: readonly CtorItem[]): LuaTable {
  let na = 0;
  let nh = 0;
  for (const it of items) {
    if (it.kind === "list") na++;
    else if (it.kind === "record") nh++;
  }
  const t = LuaTable.sized(na, nh);
  let pending: LuaValue[] = [];
  let stored = 0;
  for (const it of items) {
    if (pending.length === FIELDS_PER_FLUSH) {
      t.setList(pending, stored + 1);
      stored += pending.length;
      pending = [];
    }
    if (it.kind === "list") pending.push(it.value);
    else if (it.kind === "record") t.set(it.key, it.value);
    else pending.push(...it.values);
  }
  if (pending.length > 0) t.setList(pending, stored + 1);
  return t;
}

function unhex(h: string): string {
  let s = "";
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return s;
}

/** Decodes a key word: s<hex bytes>, n<number>, btrue/bfalse. */
export function decodeKey(w: string): LuaValue {
  const tag = w[0];
  const rest = w.slice(1);
  if (tag === "s") return unhex(rest);
  if (tag === "b") return rest === "true";
  if (rest === "inf") return Infinity;
  if (rest === "-inf") return -Infinity;
  return Number(rest);
}

function decodeValue(w: string): LuaValue {
  return w === "nil" ? undefined : Number(w);
}

/** How the driver prints a key: s:name, x:hex for other strings, %.17g numbers, booleans. */
export function formatKey(k: LuaValue): string {
  if (typeof k === "string") {
    if (/^[A-Za-z0-9_]*$/.test(k)) return "s:" + k;
    let h = "";
    for (let i = 0; i < k.length; i++) h += k.charCodeAt(i).toString(16).padStart(2, "0");
    return "x:" + h;
  }
  if (typeof k === "number") {
    if (k === Infinity) return "inf";
    if (k === -Infinity) return "-inf";
    return formatG(k, 17);
  }
  return String(k);
}

function formatValue(v: LuaValue): string {
  return v === undefined ? "nil" : typeof v === "number" ? numberToString(v) : String(v);
}

/** The values a final `...` in a constructor receives (as the driver passes them). */
function multiValues(n: number): LuaValue[] {
  const r: LuaValue[] = [];
  for (let i = 1; i <= n; i++) r.push(1000 + i);
  return r;
}

/** Runs the ops text and returns the driver's output. */
export function runOps(text: string): string {
  const out: string[] = [];
  let t = new LuaTable();
  for (const line of text.split("\n")) {
    const words = line.split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) continue;
    const [op, a, b] = words;
    switch (op) {
      case "#":
        break;
      case "new":
        t = new LuaTable();
        break;
      case "ctor": {
        const items: CtorItem[] = words.slice(1).map((w): CtorItem => {
          if (w[0] === "L") return { kind: "list", value: decodeValue(w.slice(1)) };
          if (w[0] === "R") {
            const eq = w.indexOf("=", 1);
            return { kind: "record", key: decodeKey(w.slice(1, eq)), value: decodeValue(w.slice(eq + 1)) };
          }
          return { kind: "multi", values: multiValues(Number(w.slice(1))) };
        });
        t = construct(items);
        break;
      }
      case "set":
        t.set(decodeKey(a), decodeValue(b));
        break;
      case "del":
        t.set(decodeKey(a), undefined);
        break;
      case "append":
        t.set(t.length() + 1, decodeValue(a));
        break;
      case "get":
        out.push(`get ${a} = ${formatValue(t.get(decodeKey(a)))}`);
        break;
      case "len":
        out.push(`len ${t.length()}`);
        break;
      case "pairs": {
        const parts: string[] = [];
        for (let r = t.next(undefined); r !== undefined; r = t.next(r[0])) {
          parts.push(`${formatKey(r[0])}=${formatValue(r[1])}`);
        }
        out.push("pairs " + parts.join(" "));
        break;
      }
      case "next": {
        let r: [LuaValue, LuaValue] | undefined;
        try {
          r = t.next(decodeKey(a));
        } catch (e) {
          out.push(`next ${a} -> error: ${(e as Error).message}`);
          break;
        }
        out.push(`next ${a} -> ` + (r === undefined ? "nil" : `${formatKey(r[0])}=${formatValue(r[1])}`));
        break;
      }
      case "iterdel": {
        const mod = Number(a);
        const parts: string[] = [];
        let c = 0;
        for (let r = t.next(undefined); r !== undefined; r = t.next(r[0])) {
          c++;
          parts.push(formatKey(r[0]));
          if (c % mod === 0) t.set(r[0], undefined);
        }
        out.push("iterdel " + parts.join(" "));
        break;
      }
      default:
        throw new Error(`unknown op ${op}`);
    }
  }
  return out.join("\n") + "\n";
}
