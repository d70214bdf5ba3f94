// What the standalone interpreter gives scripts beyond the base library: os.clock,
// os.time, os.date, os.getenv, os.exit, io.write, and a debug library with traceback and
// the getinfo fields a transpiler knows. Only the CLI profile installs these.
import { LuaTable } from "../table.js";
import { LuaError, currentFrames, tracebackLines } from "../errors.js";
import * as ops from "../ops.js";
import { numberToString } from "../number.js";
import { argError, checkInt, checkString, checkTable, optString } from "./args.js";
import { LuaUserdata, type LuaResult, type LuaValue } from "../value.js";

/** Thrown by os.exit: the CLI catches it and ends with this status. */
export class LuaExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

function two(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
}

function parts(t: number, utc: boolean): Parts {
  const d = new Date(t * 1000);
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const jan1 = utc ? Date.UTC(year, 0, 1) : new Date(year, 0, 1).getTime();
  return {
    year,
    month: (utc ? d.getUTCMonth() : d.getMonth()) + 1,
    day: utc ? d.getUTCDate() : d.getDate(),
    hour: utc ? d.getUTCHours() : d.getHours(),
    min: utc ? d.getUTCMinutes() : d.getMinutes(),
    sec: utc ? d.getUTCSeconds() : d.getSeconds(),
    wday: (utc ? d.getUTCDay() : d.getDay()) + 1,
    yday: Math.floor((d.getTime() - jan1) / 86400000) + 1,
  };
}

/** strftime for the "C" locale, the conversions os.date scripts use. */
function strftime(fmt: string, p: Parts): string {
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%" || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const k = fmt[++i];
    switch (k) {
      case "Y":
        out += p.year;
        break;
      case "y":
        out += two(p.year % 100);
        break;
      case "m":
        out += two(p.month);
        break;
      case "d":
        out += two(p.day);
        break;
      case "H":
        out += two(p.hour);
        break;
      case "M":
        out += two(p.min);
        break;
      case "S":
        out += two(p.sec);
        break;
      case "p":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "I":
        out += two(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case "j":
        out += String(p.yday).padStart(3, "0");
        break;
      case "a":
        out += DAYS[p.wday - 1].slice(0, 3);
        break;
      case "A":
        out += DAYS[p.wday - 1];
        break;
      case "b":
        out += MONTHS[p.month - 1].slice(0, 3);
        break;
      case "B":
        out += MONTHS[p.month - 1];
        break;
      case "w":
        out += p.wday - 1;
        break;
      case "c":
        out += `${DAYS[p.wday - 1].slice(0, 3)} ${MONTHS[p.month - 1].slice(0, 3)} ${String(p.day).padStart(2, " ")} ${two(p.hour)}:${two(p.min)}:${two(p.sec)} ${p.year}`;
        break;
      case "x":
        out += `${two(p.month)}/${two(p.day)}/${two(p.year % 100)}`;
        break;
      case "X":
        out += `${two(p.hour)}:${two(p.min)}:${two(p.sec)}`;
        break;
      case "%":
        out += "%";
        break;
      default:
        out += "%" + k;
    }
  }
  return out;
}

export function makeOsLib(): LuaTable {
  const os = new LuaTable();
  os.setStr("clock", function clock(): LuaResult {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
  os.setStr("time", function time(t?: LuaValue): LuaResult {
    if (t === undefined) return Math.floor(Date.now() / 1000);
    const tt = checkTable(t, 1, "time");
    const field = (k: string, def?: number): number => {
      const v = tt.getStr(k);
      if (v === undefined) {
        if (def === undefined) throw new LuaError(`field '${k}' missing in date table`, 1);
        return def;
      }
      const n = ops.tonumber(v);
      if (n === undefined) throw new LuaError(`field '${k}' missing in date table`, 1);
      return Math.trunc(n);
    };
    // os_time reads sec, min, hour, day, month, year in that order (the first missing one errs)
    const sec = field("sec", 0);
    const min = field("min", 0);
    const hour = field("hour", 12);
    const day = field("day");
    const month = field("month");
    const year = field("year");
    const d = new Date(year, month - 1, day, hour, min, sec);
    return Math.floor(d.getTime() / 1000);
  });
  os.setStr("date", function date(fmt?: LuaValue, t?: LuaValue): LuaResult {
    let f = optString(fmt, 1, "date", "%c");
    const time = t === undefined ? Math.floor(Date.now() / 1000) : checkInt(t, 2, "date");
    let utc = false;
    if (f.startsWith("!")) {
      utc = true;
      f = f.slice(1);
    }
    const p = parts(time, utc);
    if (f.startsWith("*t")) {
      const r = new LuaTable();
      r.setStr("year", p.year);
      r.setStr("month", p.month);
      r.setStr("day", p.day);
      r.setStr("hour", p.hour);
      r.setStr("min", p.min);
      r.setStr("sec", p.sec);
      r.setStr("wday", p.wday);
      r.setStr("yday", p.yday);
      r.setStr("isdst", false);
      return r;
    }
    return strftime(f, p);
  });
  os.setStr("getenv", function getenv(name: LuaValue): LuaResult {
    const v = process.env[checkString(name, 1, "getenv", arguments.length)];
    return v === undefined ? undefined : Buffer.from(v, "utf8").toString("latin1");
  });
  os.setStr("exit", function exit(code?: LuaValue): LuaResult {
    throw new LuaExit(code === undefined ? 0 : checkInt(code, 1, "exit"));
  });
  os.setStr("difftime", function difftime(a: LuaValue, b?: LuaValue): LuaResult {
    return (ops.tonumber(a) ?? 0) - (ops.tonumber(b) ?? 0);
  });
  return os;
}

/** A Lua file handle (io.stdout, io.stderr): a userdata with liolib's methods. */
function fileHandle(write: (s: string) => void, methods: LuaTable): LuaUserdata {
  const meta = new LuaTable();
  meta.setStr("__index", methods);
  const u = new LuaUserdata("FILE*", meta);
  writers.set(u, write);
  meta.setStr("__tostring", function fileToString(): LuaResult {
    return `file (${ops.addressOf(u)})`;
  });
  return u;
}

const writers = new WeakMap<LuaUserdata, (s: string) => void>();

/** g_write: strings and numbers (%.14g), anything else is an argument error. */
function writeAll(write: (s: string) => void, args: LuaValue[], first: number): void {
  args.forEach((a, i) => {
    if (typeof a === "string") write(a);
    else if (typeof a === "number") write(numberToString(a));
    else throw argError(i + first, "write", `string expected, got ${ops.type(a)}`);
  });
}

export function makeIoLib(write: (s: string) => void): LuaTable {
  const io = new LuaTable();
  const methods = new LuaTable();
  const stdout = fileHandle(write, methods);
  const stderr = fileHandle((s) => process.stderr.write(Buffer.from(s, "latin1")), methods);
  methods.setStr("write", function fwrite(f: LuaValue, ...args: LuaValue[]): LuaResult {
    const w = f instanceof LuaUserdata ? writers.get(f) : undefined;
    if (w === undefined) throw argError(1, "write", `FILE* expected, got ${ops.type(f)}`);
    writeAll(w, args, 1);
    return true; // 5.1's g_write: pushresult(status)
  });
  for (const name of ["flush", "setvbuf"]) {
    methods.setStr(name, function fileNoop(f: LuaValue): LuaResult {
      return f instanceof LuaUserdata ? true : undefined;
    });
  }
  methods.setStr("close", function fclose(): LuaResult {
    return [undefined, "cannot close standard file"];
  });
  io.setStr("write", function iowrite(...args: LuaValue[]): LuaResult {
    writeAll(write, args, 1);
    return true; // 5.1's g_write: pushresult(status)
  });
  io.setStr("stdout", stdout);
  io.setStr("stderr", stderr);
  io.setStr("output", function output(): LuaResult {
    return stdout;
  });
  io.setStr("flush", function flush(): LuaResult {
    return true;
  });
  io.setStr("type", function iotype(f: LuaValue): LuaResult {
    return f instanceof LuaUserdata && writers.has(f) ? "file" : undefined;
  });
  return io;
}

/** debug.traceback's text from the Lua frames on the JS stack. */
export function traceback(message: string | undefined, skip = 0): string {
  const lines = tracebackLines(currentFrames().slice(skip));
  return (message !== undefined ? message + "\n" : "") + "stack traceback:\n" + lines.join("\n");
}

export function makeDebugLib(): LuaTable {
  const debug = new LuaTable();
  debug.setStr("traceback", function tb(msg?: LuaValue): LuaResult {
    if (msg !== undefined && typeof msg !== "string" && typeof msg !== "number") return msg;
    return traceback(msg === undefined ? undefined : ops.tostring(msg));
  });
  debug.setStr("getinfo", function getinfo(_f?: LuaValue): LuaResult {
    const r = new LuaTable();
    const frames = currentFrames();
    const level = typeof _f === "number" ? _f : 1;
    const fr = frames[level];
    if (typeof _f === "number" && fr === undefined) return undefined;
    const lua = fr !== undefined && fr.kind === "lua";
    r.setStr("currentline", lua ? fr.line : -1);
    r.setStr("source", lua ? (fr.chunk!.source ?? "@" + fr.chunk!.chunkName) : "=[C]");
    r.setStr("short_src", lua ? fr.chunk!.chunkName : "[C]");
    r.setStr(
      "what",
      typeof _f === "function" ? "Lua" : !lua ? "C" : fr.jsFunction === "main$chunk" ? "main" : "Lua",
    );
    if (typeof _f === "function") r.setStr("func", _f);
    return r;
  });
  return debug;
}
