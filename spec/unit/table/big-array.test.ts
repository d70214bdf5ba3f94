// Array parts past 2^25 slots (V8's longest length a JS array can be set to and stay fast):
// growing one used to set the JS array's length past it, a fatal V8 error ("invalid table
// size") that ended the process — a script filling t[1..2^25+100] took the server down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LuaTable } from "../../../runtime/table.js";

const HALF = 2 ** 25;

test("filling t[1..2^25+100] in order grows the array part to 2^26", () => {
  const t = new LuaTable();
  for (let i = 1; i <= HALF + 100; i++) t.setNum(i, true);
  assert.deepEqual(t.sizes(), [2 ** 26, 0]);
  assert.equal(t.length(), HALF + 100);
  assert.equal(t.getNum(HALF + 100), true);
  assert.equal(t.getNum(HALF + 101), undefined);
});

test("a store far past the stored prefix of a 2^26-slot array part", () => {
  const t = new LuaTable();
  for (let i = 1; i <= HALF + 1; i++) t.setNum(i, 1);
  assert.deepEqual(t.sizes(), [2 ** 26, 0]);
  t.setNum(2 ** 26, 2);
  assert.equal(t.getNum(2 ** 26), 2);
  assert.equal(t.getNum(2 ** 26 - 1), undefined);
  assert.deepEqual(t.sizes(), [2 ** 26, 0]);
});
