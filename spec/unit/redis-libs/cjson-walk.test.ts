// cjson.encode writes tables nested up to a few dozen deep by recursion and deeper ones on an
// explicit stack (runtime/lib/cjson-encode.ts, Encoder.walk): a value must come out the same
// bytes whichever way it is written, so each sample is encoded alone and again at the bottom of
// deep wrappers (arrays, objects, decoded objects), where the explicit stack writes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSON_NULL, makeCjsonLib } from "../../../runtime/lib/cjson.js";
import { LuaTable } from "../../../runtime/table.js";
import type { LuaValue } from "../../../runtime/value.js";

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

const lib = makeCjsonLib();
const encode = lib.getStr("encode") as (v: LuaValue) => string;
const decode = lib.getStr("decode") as (s: string) => LuaValue;

/** A random value of tables several levels deep: sequences, objects with string and number keys, decoded objects. */
function sample(r: () => number, depth: number): LuaValue {
  const kind = depth > 4 ? r() % 4 : r() % 8;
  switch (kind) {
    case 0:
      return r() % 1000;
    case 1:
      return ["plain", 'a "quoted" / \\ \n\t\u0001 string', "é", ""][r() % 4];
    case 2:
      return [true, false, JSON_NULL, 1.25, -0.5, 1e100][r() % 6];
    case 3:
      return (r() % 100000) / 7;
    case 4: {
      const n = 1 + (r() % 5);
      const t = new LuaTable();
      for (let i = 1; i <= n; i++) t.setNum(i, sample(r, depth + 1));
      return t;
    }
    case 5: {
      const t = new LuaTable();
      for (let i = 0; i < 1 + (r() % 6); i++) {
        if (r() % 4 === 0) t.set(-1 - (r() % 5), sample(r, depth + 1));
        else t.setStr("k" + (r() % 9), sample(r, depth + 1));
      }
      return t;
    }
    default: {
      // a decoded object (its node part shared with a layout) holding more values
      const t = decode('{"id":1,"name":"x","tags":0,"price":2.5,"ok":true}') as LuaTable;
      t.setStr("tags", sample(r, depth + 1));
      if (r() % 2 === 0) t.setStr("name", undefined);
      return t;
    }
  }
}

/** value wrapped `depth` times: in arrays, objects or decoded objects, by turns. */
function wrap(value: LuaValue, depth: number): [LuaValue, string, string] {
  let v = value;
  let before = "";
  let after = "";
  for (let d = 0; d < depth; d++) {
    if (d % 3 === 0) {
      v = LuaTable.fromValues([v]);
      before = "[" + before;
      after += "]";
    } else if (d % 3 === 1) {
      const t = new LuaTable();
      t.setStr("w", v);
      v = t;
      before = '{"w":' + before;
      after += "}";
    } else {
      const t = decode('{"d":0}') as LuaTable;
      t.setStr("d", v);
      v = t;
      before = '{"d":' + before;
      after += "}";
    }
  }
  return [v, before, after];
}

test("tables written by recursion and on the explicit stack come out the same", () => {
  const r = rng(4);
  for (let round = 0; round < 300; round++) {
    const v = sample(r, 0);
    const alone = encode(v);
    for (const depth of [30, 31, 32, 33, 40, 100]) {
      const [w, before, after] = wrap(v, depth);
      assert.equal(encode(w), before + alone + after, `round ${round}, ${depth} deep`);
    }
  }
});
