// Compile errors as named factories with stable codes. Syntax errors carry Lua 5.1's
// wording and form ("chunk:LINE: message near 'token'"), translated from luaparse's
// messages where the two differ.

export interface Position {
  line: number;
  column?: number;
}

export class CompileError extends Error {
  constructor(
    readonly code: string,
    /** the message in Lua's form, without the "chunk:" prefix: "3: '=' expected near 'y'" */
    readonly luaMessage: string,
    readonly line: number,
  ) {
    super(luaMessage);
  }

  /** The full Lua error text for a chunk name: "name:3: '=' expected near 'y'". */
  format(chunkName: string): string {
    return `${chunkName}:${this.luaMessage}`;
  }

  static syntax(line: number, message: string): CompileError {
    return new CompileError("syntax", `${line}: ${message}`, line);
  }

  static unsupported(what: string, loc: { start: { line: number } } | null | undefined): CompileError {
    const line = loc?.start.line ?? 0;
    return new CompileError("unsupported", `${line}: unsupported construct ${what}`, line);
  }

  static noLoopToBreak(line: number, near: string): CompileError {
    return new CompileError("no-loop", `${line}: no loop to break near '${near}'`, line);
  }

  static varargOutside(line: number): CompileError {
    return new CompileError("vararg", `${line}: cannot use '...' outside a vararg function near '...'`, line);
  }
}

/** luaparse messages that Lua 5.1 words differently, rewritten to Lua's text. */
const TRANSLATIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^<expression> expected near '(.*)'$/s, (m) => `unexpected symbol near '${m[1]}'`],
  [/^unexpected symbol 'nil' near '(.*)'$/s, (m) => `unexpected symbol near '${m[1]}'`],
  [
    /^unexpected (?:identifier|string|number|symbol|keyword|vararg|boolean) '(.*)' near '(.*)'$/s,
    (m) => `unexpected symbol near '${m[2]}'`,
  ],
  [/^<name> expected near '(.*)'$/s, (m) => `<name> expected near '${m[1]}'`],
];

/** Turns a luaparse SyntaxError into a CompileError with Lua 5.1's message. */
export function fromLuaparse(e: { message: string; line?: number }): CompileError {
  const m = /^\[(\d+):(\d+)\] (.*)$/s.exec(e.message);
  const line = m ? Number(m[1]) : (e.line ?? 0);
  let msg = m ? m[3] : e.message;
  for (const [re, rewrite] of TRANSLATIONS) {
    const r = re.exec(msg);
    if (r) {
      msg = rewrite(r);
      break;
    }
  }
  return CompileError.syntax(line, msg);
}
