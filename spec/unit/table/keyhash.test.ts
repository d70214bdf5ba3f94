// The compiler passes constant string keys with their Lua hash (compiler/lower/keys.ts), which
// must be the hash the runtime's tables use (runtime/table-hash.ts keyHash) under both string
// hashes, or lookups of those keys would start at the wrong main position.
import { test } from "node:test";
import assert from "node:assert/strict";
import { constantKeyHash } from "../../../compiler/lower/keys.js";
import { LuaTable } from "../../../runtime/table.js";
import { keyHash, setRedisStringHash } from "../../../runtime/table-hash.js";

function samples(): string[] {
  const out = ["", "x", "__index", "setmetatable", "a.b", "\u00ff\u0000\u0080", "k".repeat(31)];
  for (let i = 0; i < 200; i++) {
    let s = "";
    for (let j = 0; j < i % 31; j++) s += String.fromCharCode((i * 131 + j * 17) & 255);
    out.push(s);
  }
  return [...new Set(out)];
}

test("constant key hashes agree with the runtime's, in the Lua and the Redis profile", () => {
  try {
    for (const redis of [false, true]) {
      setRedisStringHash(redis);
      for (const s of samples()) assert.equal(constantKeyHash(s), keyHash(s), JSON.stringify(s));
    }
  } finally {
    setRedisStringHash(false);
  }
});

test("keys of 32 chars and more have no constant hash (it depends on the profile)", () => {
  assert.equal(constantKeyHash("k".repeat(32)), -1);
  assert.equal(constantKeyHash("k".repeat(100)), -1);
});

test("lookups by constant hash find what the other accessors stored, in every node part size", () => {
  for (let n = 1; n <= 40; n++) {
    const t = new LuaTable();
    const keys = samples().slice(0, n);
    keys.forEach((k, i) => t.setStr(k, i));
    keys.forEach((k, i) => assert.equal(t.getStrH(k, constantKeyHash(k)), i));
    assert.equal(t.getStrH("absent", constantKeyHash("absent")), undefined);
    keys.forEach((k, i) => t.setStrH(k, constantKeyHash(k), i + 1));
    keys.forEach((k, i) => assert.equal(t.getStr(k), i + 1));
    assert.equal(t.replaceStrH("absent", constantKeyHash("absent"), 1), false);
    assert.equal(t.get("absent"), undefined);
  }
});
