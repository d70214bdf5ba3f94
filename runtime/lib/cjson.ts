// The `cjson` library Redis ships (lua-cjson 2.1.0 with Redis's patches, deps/lua/src/lua_cjson.c,
// strbuf.c, fpconv.c): encode, decode, null and the configuration functions, each module table
// (cjson.new() makes more) with its own settings. Same bytes and error texts as the C library:
// %.14g numbers, sparse-array rules, depth and Lua stack limits. This module owns the settings
// and the module table; the parser is cjson-decode.ts, the writer cjson-encode.ts. Strings are
// latin1 byte strings.
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import { argError, checkNumber, checkString, toInteger } from "./args.js";
import { JSON_NULL, decodeJson } from "./cjson-decode.js";
import { Encoder } from "./cjson-encode.js";

export { JSON_NULL, sequenceTable } from "./cjson-decode.js";

const INT_MAX = 2147483647;

/** json_config_t */
interface Config {
  sparseConvert: number;
  sparseRatio: number;
  sparseSafe: number;
  encodeMaxDepth: number;
  decodeMaxDepth: number;
  encodeInvalidNumbers: number; // 0 off, 1 on, 2 "null"
  encodeNumberPrecision: number;
  encodeKeepBuffer: number;
  decodeInvalidNumbers: number;
}

function newConfig(): Config {
  return {
    sparseConvert: 0,
    sparseRatio: 2,
    sparseSafe: 10,
    encodeMaxDepth: 1000,
    decodeMaxDepth: 1000,
    encodeInvalidNumbers: 0,
    encodeNumberPrecision: 14,
    encodeKeepBuffer: 1,
    decodeInvalidNumbers: 1,
  };
}

// ==== the module table ======================================================================

/** json_arg_init: at most `max` arguments. */
function argInit(nargs: number, max: number, fname: string): void {
  if (nargs > max) throw argError(max + 1, fname, "found too many arguments");
}

/** json_integer_option: a new value (range-checked, reported as argument #1) and the current one. */
function integerOption(
  v: LuaValue,
  n: number,
  fname: string,
  current: number,
  min: number,
  max: number,
): number {
  if (v === undefined) return current;
  const value = toInteger(checkNumber(v, n, fname)) | 0;
  if (!(min <= value && value <= max)) throw argError(1, fname, `expected integer between ${min} and ${max}`);
  return value;
}

const BOOL_OPTIONS = ["off", "on"];

/** json_enum_option's setting step: a boolean or one of the option names. */
function enumSetting(v: LuaValue, n: number, fname: string, current: number, options: string[]): number {
  if (v === undefined) return current;
  if (typeof v === "boolean") return v ? 1 : 0;
  const name = checkString(v, n, fname);
  const i = options.indexOf(name);
  if (i < 0) throw argError(n, fname, `invalid option '${name}'`);
  return i;
}

/** json_enum_option's result: a boolean for off/on, else the option name. */
function enumResult(setting: number, options: string[]): LuaValue {
  return setting === 0 || setting === 1 ? setting === 1 : options[setting];
}

/** A cjson module table with its own configuration (luaopen_cjson / cjson.new). */
export function makeCjsonLib(): LuaTable {
  const cfg = newConfig();
  const encoder = new Encoder(cfg);
  const t = new LuaTable();

  t.setStr("encode", function encode(v: LuaValue): string {
    if (arguments.length !== 1) throw argError(1, "encode", "expected 1 argument");
    return encoder.encode(v);
  });

  t.setStr("decode", function decode(v: LuaValue): LuaValue {
    if (arguments.length !== 1) throw argError(1, "decode", "expected 1 argument");
    return decodeJson(checkString(v, 1, "decode"), cfg);
  });

  t.setStr(
    "encode_sparse_array",
    function encode_sparse_array(convert: LuaValue, ratio: LuaValue, safe: LuaValue): LuaValue[] {
      const fname = "encode_sparse_array";
      argInit(arguments.length, 3, fname);
      cfg.sparseConvert = enumSetting(convert, 1, fname, cfg.sparseConvert, BOOL_OPTIONS);
      cfg.sparseRatio = integerOption(ratio, 2, fname, cfg.sparseRatio, 0, INT_MAX);
      cfg.sparseSafe = integerOption(safe, 3, fname, cfg.sparseSafe, 0, INT_MAX);
      return [cfg.sparseConvert === 1, cfg.sparseRatio, cfg.sparseSafe];
    },
  );

  t.setStr("encode_max_depth", function encode_max_depth(d: LuaValue): number {
    argInit(arguments.length, 1, "encode_max_depth");
    cfg.encodeMaxDepth = integerOption(d, 1, "encode_max_depth", cfg.encodeMaxDepth, 1, INT_MAX);
    return cfg.encodeMaxDepth;
  });

  t.setStr("decode_max_depth", function decode_max_depth(d: LuaValue): number {
    argInit(arguments.length, 1, "decode_max_depth");
    cfg.decodeMaxDepth = integerOption(d, 1, "decode_max_depth", cfg.decodeMaxDepth, 1, INT_MAX);
    return cfg.decodeMaxDepth;
  });

  t.setStr("encode_number_precision", function encode_number_precision(p: LuaValue): number {
    const fname = "encode_number_precision";
    argInit(arguments.length, 1, fname);
    cfg.encodeNumberPrecision = integerOption(p, 1, fname, cfg.encodeNumberPrecision, 1, 14);
    return cfg.encodeNumberPrecision;
  });

  t.setStr("encode_keep_buffer", function encode_keep_buffer(v: LuaValue): LuaValue {
    argInit(arguments.length, 1, "encode_keep_buffer");
    cfg.encodeKeepBuffer = enumSetting(v, 1, "encode_keep_buffer", cfg.encodeKeepBuffer, BOOL_OPTIONS);
    return enumResult(cfg.encodeKeepBuffer, BOOL_OPTIONS);
  });

  const invalidOptions = ["off", "on", "null"];
  t.setStr("encode_invalid_numbers", function encode_invalid_numbers(v: LuaValue): LuaValue {
    const fname = "encode_invalid_numbers";
    argInit(arguments.length, 1, fname);
    cfg.encodeInvalidNumbers = enumSetting(v, 1, fname, cfg.encodeInvalidNumbers, invalidOptions);
    return enumResult(cfg.encodeInvalidNumbers, invalidOptions);
  });

  t.setStr("decode_invalid_numbers", function decode_invalid_numbers(v: LuaValue): LuaValue {
    const fname = "decode_invalid_numbers";
    argInit(arguments.length, 1, fname);
    cfg.decodeInvalidNumbers = enumSetting(v, 1, fname, cfg.decodeInvalidNumbers, BOOL_OPTIONS);
    return enumResult(cfg.decodeInvalidNumbers, BOOL_OPTIONS);
  });

  t.setStr("new", makeCjsonLib);
  t.setStr("null", JSON_NULL);
  t.setStr("_NAME", "cjson");
  t.setStr("_VERSION", "2.1.0");
  return t;
}
