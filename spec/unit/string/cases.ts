// The calls the string unit tests make, by group. Their expected outcomes are recorded from
// lua5.1 by record.ts into spec/unit/string/expected/<group>.json (never written by hand).
// Groups are built from small lists crossed with each other to cover many combinations.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, type Arg, type Call } from "./harness.js";

/** A table argument (one with bad replacement values, for gsub). */
const T: Arg = { tbl: "bad" };

const c = (f: string, ...args: Arg[]): Call => ({ f, args });

function cross(f: string, subjects: string[], patterns: string[], extra: Arg[][] = [[]]): Call[] {
  const out: Call[] = [];
  for (const p of patterns) for (const s of subjects) for (const x of extra) out.push(c(f, s, p, ...x));
  return out;
}

const SUBJECTS = [
  "",
  "a",
  "hello world",
  "  key = value  ",
  "abc123def456",
  "aaa",
  "x(a(b)c)y",
  "THE (quick) fox",
  "a.b.c",
  "tab\there\nnl",
  "\0a\0b",
  "caf\xe9 \xff\x80",
  "[[x]] %d %%",
  "f(a,b) g()",
  "10 20 -3.5 0x1F",
];

const PATTERNS = [
  "",
  "a",
  "^a",
  "a$",
  "^$",
  ".",
  "..",
  "a*",
  "a+",
  "a-",
  "a?",
  "a-b",
  "%a+",
  "%d+",
  "%D+",
  "%s*",
  "%S+",
  "%w+",
  "%W",
  "%l+",
  "%u+",
  "%p",
  "%c",
  "%x+",
  "%z",
  "%Z+",
  "[%a_][%w_]*",
  "[^%s]+",
  "[a-c]+",
  "[%]]",
  "[]]",
  "[^]]",
  "[a-]",
  "[-a]",
  "[%-]",
  "(a)",
  "(a*)",
  "()a()",
  "(h)(e)(l)",
  "((a)(b))",
  "(.)%1",
  "(%a+) (%a+)",
  "%b()",
  "%b[]",
  "%bxy",
  "%f[%w]%w+",
  "%f[%W]",
  "%f[%a]",
  "%f[^%z]",
  "^(.-)%s*$",
  "^%s*(.-)%s*$",
  "(%w+)%s*=%s*(%w+)",
  ".-b",
  ".-",
  "x*$",
  "$",
  "^",
  "a$b",
  "%$",
  "%.",
  "%%",
  "[%.]",
  "\xe9",
  "[\x80-\xff]+",
  "%d+%.?%d*",
  "-",
  "*a",
  "+",
  "?",
  "a**",
  "(",
  ")",
  "%",
  "[a",
  "[^",
  "%b",
  "%ba",
  "%f",
  "%fa",
  "%f[a",
  "%1",
  "(a)%2",
  "(a%1)",
  "%0",
  "[%",
  "(()",
  "a\0b",
  "%z+",
];

/** find/match/gmatch/gsub over every subject and pattern. */
function patternGroup(): Call[] {
  return [
    ...cross("find", SUBJECTS, PATTERNS),
    ...cross("match", SUBJECTS, PATTERNS),
    ...cross("gmatch", SUBJECTS, PATTERNS),
    ...cross("gsub", SUBJECTS, PATTERNS, [["<%0>"], ["%1"]]),
  ];
}

/** init arguments, plain finds and anchors. */
function initGroup(): Call[] {
  const out: Call[] = [];
  const inits: Arg[] = [null, 1, 2, 0, -1, -3, -100, 5, 11, 12, 100, 2.7, -2.7, "3", 1e300, -1e300, 0 / 0];
  for (const init of inits) {
    for (const p of ["o", "", "^h", "l+", "(o)", "o$", "^", "$"]) {
      out.push(c("find", "hello world", p, init));
      out.push(c("match", "hello world", p, init));
    }
    out.push(c("find", "a.b", ".", init, true));
    out.push(c("find", "a.b", ".", init, false));
    out.push(c("find", "a.b", ".", init, 0));
    out.push(c("find", "a+b", "+", init, "yes"));
  }
  out.push(c("find", "abc", "b", null, null));
  out.push(c("find", "x\0y.z", "\0y.", 1));
  out.push(c("find", "x\0y.z", "\0y.", 1, true));
  out.push(c("find", "x\0yz", "y\0", 1));
  out.push(c("find", "abc", "[b", 1, true));
  out.push(c("find", 12345, 34));
  out.push(c("find", 1.5, "."));
  out.push(c("match", 2 ** 53, "%d+"));
  out.push(c("find"));
  out.push(c("find", "x"));
  out.push(c("find", null, "x"));
  out.push(c("find", "x", T));
  out.push(c("find", "x", "x", "y"));
  out.push(c("find", "x", "x", T));
  out.push(c("match", "x"));
  out.push(c("match", T, "x"));
  out.push(c("match", "x", "x", "z"));
  out.push(c("gmatch", "x"));
  out.push(c("gmatch", null, "x"));
  out.push(c("gmatch", "^abc", "^a"));
  out.push(c("gmatch", "aaa", "^a"));
  return out;
}

/** gsub's replacement kinds, max n and errors. */
function gsubGroup(): Call[] {
  const out: Call[] = [];
  const subjects = ["hello world", "a b c", "abc", "", "a,b,,c", "x=1, y=2"];
  const patterns = ["%w+", "(%w+)", "(%w)(%w*)", "", "()", "o", "^%w", "%w$", ",", "(%w+)=(%w+)", "(h)(.)"];
  const repls: Arg[] = [
    "[%0]",
    "%1",
    "%2",
    "%1-%1",
    "%%",
    "%",
    "%a",
    "%9",
    "",
    "x",
    7,
    1.25,
    { fn: "upper" },
    { fn: "join" },
    { fn: "count" },
    { fn: "none" },
    { fn: "no" },
    { fn: "tbl" },
    { fn: "two" },
    { tbl: "map" },
    { tbl: "bad" },
  ];
  for (const s of subjects) for (const p of patterns) for (const r of repls) out.push(c("gsub", s, p, r));
  for (const n of [null, -1, 0, 1, 2, 3, 100, 2.9, "2", 2 ** 32 + 1, 0 / 0, 1e300, -1e300]) {
    out.push(c("gsub", "a a a a", "a", "b", n));
    out.push(c("gsub", "a a a a", "", "-", n));
    out.push(c("gsub", "abc", "%w", "%0%0", n));
    out.push(c("gsub", "aaa", "^a", "b", n));
  }
  out.push(c("gsub", "abc", "b", true));
  out.push(c("gsub", "abc", "b", null));
  out.push(c("gsub", "abc", "b"));
  out.push(c("gsub", "abc", "b", "x", "y"));
  out.push(c("gsub", "abc", "b", false, "z"));
  out.push(c("gsub", "abc"));
  out.push(c("gsub", null, "x", "y"));
  out.push(c("gsub", "abc", "(b", "x"));
  out.push(c("gsub", "abc", "(b", "%1"));
  out.push(c("gsub", "abc", "(b", { fn: "join" }));
  out.push(c("gsub", "abc", "(b)()", { fn: "join" }));
  out.push(c("gsub", "abc", "()", "%1"));
  out.push(c("gsub", "abc", "()(b)", { tbl: "map" }));
  out.push(c("gsub", "a1 b2 c3", "%d", { fn: "half" }));
  out.push(c("gsub", "1 2", "%d", { fn: "half" }));
  out.push(c("gsub", "z a 2", "%w", { tbl: "map" }));
  out.push(c("gsub", "hello", "l+", "%0\0%0"));
  out.push(c("gsub", "a.b.c", ".", "%%"));
  out.push(c("gsub", "a.b.c", "%.", "/"));
  out.push(c("gsub", "abc", "", "-"));
  out.push(c("gsub", "abc", ".-", "-"));
  out.push(c("gsub", "abc", "x*", "-"));
  out.push(c("gsub", "abc", "b*", "-"));
  out.push(c("gsub", "hello world", "o", "0", 1));
  out.push(c("gsub", "a\0b\0c", "\0", "-"));
  out.push(c("gsub", "a\0b\0c", "%z", "-"));
  out.push(c("gsub", 123, 2, 9));
  return out;
}

/** byte char len lower upper rep reverse sub dump. */
function basicGroup(): Call[] {
  const out: Call[] = [];
  const strs = ["", "a", "hello", "\0\x01\xff", "caf\xe9 \xc0\xdf MiXeD 123 \xb5"];
  const idx: Arg[] = [
    null,
    0,
    1,
    2,
    -1,
    -2,
    3,
    5,
    6,
    -5,
    -6,
    100,
    -100,
    1.9,
    -1.9,
    "2",
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    0 / 0,
  ];
  for (const s of strs) {
    out.push(c("len", s), c("lower", s), c("upper", s), c("reverse", s));
    for (const i of idx) {
      out.push(c("sub", s, i));
      out.push(c("byte", s, i));
      for (const j of [null, 0, 1, 2, -1, -2, 4, 100, -100]) {
        out.push(c("sub", s, i, j));
        out.push(c("byte", s, i, j));
      }
    }
    for (const n of [null, -1, 0, 1, 2, 3, 2.5, "2", 2 ** 32 + 2, 0 / 0]) out.push(c("rep", s, n));
  }
  for (const v of [
    [],
    [65],
    [72, 105],
    [0, 255],
    [256],
    [-1],
    [65.9],
    ["66"],
    [2 ** 32 + 65],
    [0 / 0],
    ["x"],
    [null],
    [97, T],
  ] as Arg[][]) {
    out.push(c("char", ...v));
  }
  out.push(
    c("len", 12.5),
    c("len", 1e100),
    c("len"),
    c("len", null),
    c("len", true),
    c("upper", 5),
    c("lower"),
  );
  out.push(
    c("rep", "ab"),
    c("rep", null, 2),
    c("reverse"),
    c("sub", "x"),
    c("sub", "x", "y"),
    c("sub", "abc", 1, T),
  );
  out.push(c("byte"), c("byte", "abc", "x"), c("byte", "abc", 1, "y"));
  // string.dump of a Lua function differs on purpose (no bytecode: see known differences);
  // gfind is gmatch itself, so its errors say 'gmatch'
  out.push(c("dump"), c("dump", "x"), c("dump", null));
  return out;
}

/** string.format: every conversion with flags, widths, precisions and bad input. */
function formatGroup(): Call[] {
  const out: Call[] = [];
  const nums = [
    0,
    -0,
    1,
    -1,
    7,
    255,
    3.7,
    -3.7,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.125,
    1e15,
    123456789012,
    2 ** 53,
    2 ** 63,
    -(2 ** 63),
    2 ** 64,
    1e300,
    -1e-300,
    5e-324,
    1 / 3,
    0.1,
    1e-5,
    123.456,
    9.5,
    99.5,
    1 / 0,
    -1 / 0,
    0 / 0,
    1234567890123.25,
    0.000123456,
  ];
  const convs = ["d", "i", "u", "c", "o", "x", "X", "e", "E", "f", "g", "G"];
  const specs = [
    "",
    "5",
    "-5",
    "05",
    "+",
    " ",
    "#",
    ".0",
    ".3",
    "10.4",
    "-+10.2",
    "#.0",
    "0+8.3",
    "- 6",
    "#08",
    ".20",
    "+.0",
    "#x",
  ];
  for (const conv of convs) {
    for (const spec of specs) {
      if (spec === "#x") continue;
      for (const n of nums) out.push(c("format", `%${spec}${conv}`, n));
    }
  }
  for (const n of [0.5, 2.5, 0.125, 1234567890123.25, 8.5, 125, 1e22, 1e21, 5e-5, 0.00015, 2.675, 1.005]) {
    for (const f of [
      "%.0f",
      "%.1f",
      "%.2f",
      "%.0e",
      "%.1e",
      "%.2e",
      "%.1g",
      "%.2g",
      "%.14g",
      "%.15g",
      "%.17g",
      "%.99g",
      "%.99f",
      "%99.99e",
    ]) {
      out.push(c("format", f, n));
    }
  }
  const strs = [
    "",
    "abc",
    "a\0b",
    "\0",
    "x".repeat(99),
    "y".repeat(100),
    "z\0".repeat(60),
    'q"\\\n\r\0\x01\xff',
  ];
  for (const s of strs) {
    for (const f of ["%s", "%5s", "%-5s", "%.2s", "%.0s", "%10.3s", "%q", "%10q", "%s|%s", "[%-3s]"])
      out.push(c("format", f, s, "tail"));
  }
  out.push(
    c("format", "%s %s", 1, 2.5),
    c("format", "%q", 1 / 3),
    c("format", "%s", 2 ** 63),
    c("format", "%5.1s", 123),
  );
  out.push(
    c("format", "%d", "10"),
    c("format", "%d", " 0x1F "),
    c("format", "%x", "1e2"),
    c("format", "%s", true),
  );
  out.push(
    c("format", "%d", "x"),
    c("format", "%d", null),
    c("format", "%d"),
    c("format", "%s"),
    c("format", "%q"),
    c("format", "%s", null),
  );
  out.push(
    c("format", "%d %d", 1),
    c("format", "%%"),
    c("format", "%%", 1),
    c("format", "100%%"),
    c("format", "%"),
    c("format", "%", 1),
  );
  out.push(
    c("format", "%y", 1),
    c("format", "%y"),
    c("format", "%l", 1),
    c("format", "%ld", 1),
    c("format", "%5", 1),
    c("format", "%-", 1),
  );
  out.push(
    c("format", "%\0", 1),
    c("format", "%5\0d", 1),
    c("format", "%\xc9", 1),
    c("format", "a\0b%dc\0", 5),
  );
  out.push(
    c("format", "%-+ #0d", 1),
    c("format", "%-+ #0-d", 1),
    c("format", "%00000d", 1),
    c("format", "%000000d", 1),
  );
  out.push(
    c("format", "%100d", 1),
    c("format", "%99d", 1),
    c("format", "%.100d", 1),
    c("format", "%.99d", 1),
    c("format", "%1.1.1d", 1),
  );
  out.push(c("format", "%99.99f", -1e308), c("format", "%-99.99e", 1e-308), c("format", "%099.0f", 1));
  out.push(
    c("format"),
    c("format", null),
    c("format", 12),
    c("format", T),
    c("format", "%d", T),
    c("format", "%s", T),
  );
  out.push(
    c("format", "%c%c%c", 76, 117, 97),
    c("format", "%5c|%-5c|%05c", 0, 0, 65),
    c("format", "%c", 256 + 65),
    c("format", "%c", -1),
  );
  out.push(
    c("format", "%s=%d, %s=%.2f", "a", 1, "b", 2.345),
    c("format", "%5.2f%%", 99.555),
    c("format", "no items"),
  );
  return out;
}

/**
 * Pattern shapes the matcher treats specially (FIRST sets of a pattern's rest, rests of the
 * form `S*$`, literal patterns in gsub), over subjects chosen to make them backtrack.
 */
function shapesGroup(): Call[] {
  const subjects = [
    "",
    " ",
    "  x  ",
    "ab  ",
    "  ab",
    "a b c  \t",
    "x=1",
    "key = val ",
    "aaa",
    "aab",
    "abab",
    "a\0 ",
    "é ",
    "(a) ",
  ];
  const patterns = [
    "%s*$",
    "^%s*(.-)%s*$",
    "(.-)%s*$",
    ".-$",
    "(.-)$",
    "x-$",
    "[^a]-$",
    "(a*)$",
    "a*$",
    "()%s*$",
    "(%s*)()$",
    ".*%s*$",
    "%S-%s*$",
    "a-b*$",
    "(a-)(b*)$",
    "^(.*)%s$",
    "%s+$",
    "[ab]*%s*$",
    "^[^%s]*%s*$",
    ")%s*$",
    "(a)%s*$",
    "(%w+)%s*=%s*(%w+)",
    "%a-%d+",
    ".-%d",
    "a*b",
    "a-b",
    "(a)*",
    "%s*=",
    "[^=]-%s*=",
    "x*()",
    "%b()%s*$",
    "%f[%a]%a+",
    "a?b?$",
    "(a?)(b?)%s*$",
    "%d*%.?%d*$",
    "ab",
    "a b",
    "b",
    " ",
    "=",
    "x=1",
  ];
  const out = cross("match", subjects, patterns);
  for (const p of patterns) for (const s of subjects) out.push(c("find", s, p, 2), c("gsub", s, p, "<%0>"));
  return out;
}

/** Calls on which spec/fuzz/patterns.ts once found redlua and lua5.1 to differ. */
function fuzzGroup(): Call[] {
  const file = path.join(repoRoot(), "spec", "unit", "string", "fuzz-found.json");
  return JSON.parse(readFileSync(file, "latin1")) as Call[];
}

export const GROUPS: Record<string, () => Call[]> = {
  patterns: patternGroup,
  init: initGroup,
  gsub: gsubGroup,
  basic: basicGroup,
  format: formatGroup,
  shapes: shapesGroup,
  fuzz: fuzzGroup,
};
