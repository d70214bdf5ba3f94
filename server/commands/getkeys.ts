// Which arguments of a command are keys (db.c): the getkeys procs of the commands whose keys
// move (genericGetKeys with its atoi, xreadGetKeys, and the flags of SET and BITFIELD, whose key
// spec has variable flags), the key-spec walk (getKeysUsingKeySpecs) and the choice between
// the two that COMMAND GETKEYS and GETKEYSANDFLAGS make (getKeysFromCommandWithSpecs).

import { parseLLNum } from "../util/numbers.js";
import { cstr } from "./helpers.js";
import type { Command, CommandDef } from "./table.js";

/** A key argument and its key-spec flags ("RW access update"; "" when a getkeys proc has none). */
export interface KeyRef {
  pos: number;
  flags: string;
}

/** C's atoi (strtol base 10, saturated to long, then truncated to int). */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(cstr(s));
  if (m === null) return 0;
  let v = BigInt(m[1]);
  if (v > 0x7fffffffffffffffn) v = 0x7fffffffffffffffn;
  if (v < -0x8000000000000000n) v = -0x8000000000000000n;
  return Number(BigInt.asIntN(32, v));
}

/**
 * genericGetKeys: `numkeys` at keyCountOfs (atoi), keys from firstKeyOfs every keyStep, then the
 * store key at storeKeyOfs (0 for none). No keys when numkeys is out of range.
 */
export function genericGetKeys(
  storeKeyOfs: number,
  keyCountOfs: number,
  firstKeyOfs: number,
  keyStep = 1,
): (argv: string[]) => number[] {
  return (argv) => {
    const num = atoi(argv[keyCountOfs] ?? "");
    if (num < 1 || num > Math.trunc((argv.length - firstKeyOfs) / keyStep)) return [];
    const out: number[] = [];
    for (let i = 0; i < num; i++) out.push(firstKeyOfs + i * keyStep);
    if (storeKeyOfs) out.push(storeKeyOfs);
    return out;
  };
}

/** xreadGetKeys: the first half of what follows STREAMS, after the options before it. */
export function xreadGetKeys(argv: string[]): number[] {
  let streams = -1;
  for (let i = 1; i < argv.length; i++) {
    const a = cstr(argv[i]).toLowerCase();
    if (a === "block" || a === "count") i++;
    else if (a === "group") i += 2;
    else if (a === "noack") continue;
    else {
      if (a === "streams") streams = i;
      break;
    }
  }
  const num = streams < 0 ? 0 : argv.length - streams - 1;
  if (streams < 0 || num === 0 || num % 2 !== 0) return [];
  const out: number[] = [];
  for (let i = streams + 1; i < argv.length - num / 2; i++) out.push(i);
  return out;
}

/** setGetKeys's flags: GET makes SET read the key too. */
export function setKeyFlags(argv: string[]): string {
  for (let i = 3; i < argv.length; i++) if (cstr(argv[i]).toLowerCase() === "get") return "RW access update";
  return "OW update";
}

/** bitfieldGetKeys's flags: read-only when every subcommand is a GET (or OVERFLOW). */
export function bitfieldKeyFlags(argv: string[]): string {
  for (let i = 2; i < argv.length; i++) {
    const rem = argv.length - i - 1;
    const a = cstr(argv[i]).toLowerCase();
    if (a === "get" && rem >= 2) i += 2;
    else if (a === "overflow" && rem >= 1) i += 1;
    else return "RW access update";
  }
  return "RO access";
}

const hasFlag = (flags: string, f: string) => flags.split(" ").includes(f);

/** getKeysUsingKeySpecs; undefined when a spec can't find its keys (an invalid or incomplete call). */
function keysUsingSpecs(def: CommandDef, argv: string[]): KeyRef[] | undefined {
  const argc = argv.length;
  const out: KeyRef[] = [];
  for (const spec of def.keySpecs ?? []) {
    if (hasFlag(spec.flags, "not_key")) continue;
    let first = 0;
    // an unknown spec makes the whole walk invalid (the getkeys proc answers instead)
    if (spec.begin === "unknown" || spec.find === "unknown") return undefined;
    if (typeof spec.begin === "number") first = spec.begin;
    else {
      const { keyword, startfrom } = spec.begin;
      const start = startfrom > 0 ? startfrom : argc + startfrom;
      const end = startfrom > 0 ? argc - 1 : 1;
      const kw = keyword.toLowerCase();
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (cstr(argv[i]).toLowerCase() === kw) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    }
    let last: number;
    let step: number;
    const fk = spec.find;
    if ("lastkey" in fk) {
      step = fk.step;
      if (fk.lastkey >= 0) last = first + fk.lastkey;
      else if (fk.limit === 0) last = argc + fk.lastkey;
      else last = first + (Math.trunc((argc - first) / fk.limit) + fk.lastkey);
    } else {
      step = fk.step;
      if (fk.keynumidx >= argc || first + fk.keynumidx >= argc) return undefined;
      const n = parseLLNum(argv[first + fk.keynumidx]);
      if (n === undefined || n < 0) return undefined;
      first += fk.firstkey;
      last = first + n - 1;
    }
    if (last >= argc || last < first || first >= argc) return undefined;
    for (let i = first; i <= last; i += step) out.push({ pos: i, flags: spec.flags });
  }
  return out;
}

/** doesCommandHaveKeys: a getkeys proc, or a key spec that names real keys. */
export function commandHasKeys(cmd: Command): boolean {
  const d = cmd.def;
  return (
    d.getKeys !== undefined ||
    d.keyFlags !== undefined ||
    (d.keySpecs ?? []).some((k) => !hasFlag(k.flags, "not_key"))
  );
}

/**
 * getKeysFromCommandWithSpecs: the key specs when they are complete and their flags fixed, else
 * the command's getkeys proc (with the flags it knows: SET's and BITFIELD's, none for the others).
 */
export function keysWithFlags(cmd: Command, argv: string[]): KeyRef[] {
  const d = cmd.def;
  const specs = d.keySpecs ?? [];
  const hasKeyspec = specs.some((k) => !hasFlag(k.flags, "not_key"));
  const varFlags = specs.some((k) => hasFlag(k.flags, "variable_flags"));
  if (hasKeyspec && !varFlags) {
    const r = keysUsingSpecs(d, argv);
    if (r !== undefined) return r;
  }
  if (d.keyFlags !== undefined) return [{ pos: 1, flags: d.keyFlags(argv) }];
  if (d.getKeyRefs !== undefined) return d.getKeyRefs(argv);
  if (d.getKeys !== undefined) return d.getKeys(argv).map((pos) => ({ pos, flags: "" }));
  return [];
}
