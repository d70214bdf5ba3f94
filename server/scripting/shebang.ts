// Script shebangs as Redis 7.0 reads them: `#!lua flags=no-writes,allow-oom` on EVAL
// bodies (evalExtractShebangFlags) and `#!lua name=lib` on FUNCTION LOAD bodies
// (functionExtractLibMetaData), with Redis's error texts.

/** Script flags (script.h); EVAL_COMPAT marks an EVAL body without a shebang. */
export const SCRIPT_FLAG = {
  noWrites: 1 << 0,
  allowOom: 1 << 1,
  allowStale: 1 << 2,
  noCluster: 1 << 3,
  evalCompat: 1 << 4,
  allowCrossSlot: 1 << 5,
} as const;

/** Flag names in the order Redis lists them (FUNCTION LIST, shebangs). */
export const FLAG_NAMES: [string, number][] = [
  ["no-writes", SCRIPT_FLAG.noWrites],
  ["allow-oom", SCRIPT_FLAG.allowOom],
  ["allow-stale", SCRIPT_FLAG.allowStale],
  ["no-cluster", SCRIPT_FLAG.noCluster],
  ["allow-cross-slot-keys", SCRIPT_FLAG.allowCrossSlot],
];

export type ShebangResult = { flags: number } | { error: string };

/** sdssplitargs-lite for a shebang line: space-separated words (shebangs don't quote). */
function words(line: string): string[] {
  return line.split(/[ \t]+/).filter((w) => w.length > 0);
}

/** evalExtractShebangFlags: the flags of an EVAL body, or Redis's error. */
export function evalShebang(body: string): ShebangResult {
  if (!body.startsWith("#!")) return { flags: SCRIPT_FLAG.evalCompat };
  const nl = body.indexOf("\n");
  if (nl < 0) return { error: "ERR Invalid script shebang" };
  const line = body.slice(0, nl);
  const parts = words(line);
  if (parts.length === 0 || parts[0] !== "#!lua") {
    return { error: `ERR Unexpected engine in script shebang: ${parts[0] ?? "#!"}` };
  }
  let flags = 0;
  for (const part of parts.slice(1)) {
    if (!part.startsWith("flags=")) return { error: `ERR Unknown lua shebang option: ${part}` };
    const list = part.slice(6);
    if (list.length === 0) continue;
    for (const name of list.split(",")) {
      const f = FLAG_NAMES.find(([n]) => n === name);
      if (f === undefined) return { error: `ERR Unexpected flag in script shebang: ${name}` };
      flags |= f[1];
    }
  }
  return { flags };
}

/**
 * The body Lua compiles: the shebang line becomes a comment so line numbers stay put. Any other
 * leading '#' must stay Lua's syntax error (luaL_loadbuffer skips nothing), so a space keeps it
 * from the compiler's lua.c-style skip of a first '#' line.
 */
export function stripShebang(body: string): string {
  if (body.startsWith("#!")) return "--" + body.slice(2);
  return body.startsWith("#") ? " " + body : body;
}
