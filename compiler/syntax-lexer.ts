// The lexer of Lua 5.1's syntax check (compiler/syntax.ts): llex.c's tokens, token texts and
// lexical errors (numerals, long strings, escapes), step for step, for the parser to ask for
// one token at a time.
import { CompileError } from "./diagnostics.js";
import { str2number } from "../runtime/number.js";

// ---- tokens (llex.h) --------------------------------------------------------------------------

const RESERVED = [
  "and",
  "break",
  "do",
  "else",
  "elseif",
  "end",
  "false",
  "for",
  "function",
  "if",
  "in",
  "local",
  "nil",
  "not",
  "or",
  "repeat",
  "return",
  "then",
  "true",
  "until",
  "while",
] as const;

/** Tokens: single chars are their char code (< 256); the rest are named. */
export const T = {
  first: 257,
  concat: 257 + RESERVED.length,
  dots: 258 + RESERVED.length,
  eq: 259 + RESERVED.length,
  ge: 260 + RESERVED.length,
  le: 261 + RESERVED.length,
  ne: 262 + RESERVED.length,
  number: 263 + RESERVED.length,
  name: 264 + RESERVED.length,
  string: 265 + RESERVED.length,
  eos: 266 + RESERVED.length,
} as const;

// no prototype: a name like "constructor" or "__proto__" must not look like a keyword
const KW: Record<string, number> = Object.create(null);
RESERVED.forEach((w, i) => (KW[w] = T.first + i));
export const K = (w: (typeof RESERVED)[number]): number => KW[w];

const TOKEN_NAMES: string[] = [
  ...RESERVED,
  "..",
  "...",
  "==",
  ">=",
  "<=",
  "~=",
  "<number>",
  "<name>",
  "<string>",
  "<eof>",
];

export const MAXCCALLS = 200;
export const MAXVARS = 200;
export const MAXUPVALUES = 60;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isCntrl(c: number): boolean {
  return c < 32 || c === 127;
}

export class SyntaxFailure extends Error {
  constructor(readonly error: CompileError) {
    super(error.message);
  }
}

// ---- the lexer (llex.c) -----------------------------------------------------------------------

export class Lexer {
  private pos = 0;
  private current: number;
  line = 1;
  /** line of the last token consumed (for "ambiguous syntax") */
  lastline = 1;
  private buf = "";
  tok = 0;
  tokText = "";
  private ahead: { tok: number; text: string } | undefined = undefined;

  constructor(private readonly src: string) {
    this.current = src.length > 0 ? src.charCodeAt(0) : -1;
  }

  private next(): void {
    this.pos++;
    this.current = this.pos < this.src.length ? this.src.charCodeAt(this.pos) : -1;
  }

  /** the current char, re-read (keeps TypeScript from narrowing it across next()) */
  private peek(): number {
    return this.current;
  }

  private save(c: number): void {
    this.buf += String.fromCharCode(c);
  }

  private saveAndNext(): void {
    this.save(this.current);
    this.next();
  }

  /**
   * saveAndNext over a run of chars a string reads as themselves (not a newline, backslash,
   * bracket or `del`), in one piece: a char at a time, a literal of hundreds of MB would be as
   * many string pieces.
   */
  private saveRun(del = -1): void {
    const src = this.src;
    let end = this.pos + 1;
    for (; end < src.length; end++) {
      const c = src.charCodeAt(end);
      if (c === del || c === 92 || c === 10 || c === 13 || c === 91 || c === 93) break;
    }
    this.buf += src.slice(this.pos, end);
    this.pos = end - 1;
    this.next();
  }

  private isNewline(): boolean {
    return this.current === 10 || this.current === 13;
  }

  private incLine(): void {
    const old = this.current;
    this.next();
    if (this.isNewline() && this.current !== old) this.next();
    ++this.line;
  }

  /** luaX_token2str */
  tokenToStr(tok: number): string {
    if (tok < T.first) return isCntrl(tok) ? `char(${tok})` : String.fromCharCode(tok);
    return TOKEN_NAMES[tok - T.first];
  }

  /** txtToken: the buffer for names, strings and numbers, else the token's spelling. */
  private txtToken(tok: number): string {
    if (tok === T.name || tok === T.string || tok === T.number) return this.buf;
    return this.tokenToStr(tok);
  }

  /** luaX_lexerror: "LINE: msg near 'token'" (token 0: no "near"). */
  lexError(msg: string, tok: number): never {
    const text = tok !== 0 ? `${msg} near '${this.txtToken(tok)}'` : msg;
    throw new SyntaxFailure(CompileError.syntax(this.line, text));
  }

  /** luaX_syntaxerror: near the current token */
  syntaxError(msg: string): never {
    // luaX_lexerror with the current token: token 0 (a NUL byte) gets no "near"
    if (this.tok === 0) throw new SyntaxFailure(CompileError.syntax(this.line, msg));
    // the current token's text is the one the parser holds
    const text = `${msg} near '${this.tok === T.name || this.tok === T.string || this.tok === T.number ? this.tokText : this.tokenToStr(this.tok)}'`;
    throw new SyntaxFailure(CompileError.syntax(this.line, text));
  }

  advance(): void {
    this.lastline = this.line;
    if (this.ahead !== undefined) {
      this.tok = this.ahead.tok;
      this.tokText = this.ahead.text;
      this.ahead = undefined;
      return;
    }
    this.tok = this.lex();
    this.tokText = this.buf;
  }

  lookahead(): number {
    if (this.ahead === undefined) {
      const t = this.lex();
      this.ahead = { tok: t, text: this.buf };
    }
    return this.ahead.tok;
  }

  /** At char c: c's own token, or `withEq` when '=' follows it ("==", "<=", ">=", "~="). */
  private orEquals(c: number, withEq: number): number {
    this.next();
    if (this.current !== 61) return c;
    this.next();
    return withEq;
  }

  private skipSep(): number {
    let count = 0;
    const s = this.current;
    this.saveAndNext();
    while (this.current === 61) {
      this.saveAndNext();
      count++;
    }
    return this.current === s ? count : -count - 1;
  }

  private readLongString(isString: boolean, sep: number): void {
    this.saveAndNext();
    if (this.isNewline()) this.incLine();
    for (;;) {
      switch (this.current) {
        case -1:
          this.lexError(isString ? "unfinished long string" : "unfinished long comment", T.eos);
        // falls through (lexError throws)
        case 91: // '['
          if (this.skipSep() === sep) {
            this.saveAndNext();
            if (sep === 0) this.lexError("nesting of [[...]] is deprecated", 91);
          }
          break;
        case 93: // ']'
          if (this.skipSep() === sep) {
            this.saveAndNext();
            return;
          }
          break;
        case 10:
        case 13:
          this.save(10);
          this.incLine();
          if (!isString) this.buf = "";
          break;
        default:
          if (isString) this.saveRun();
          else this.next();
      }
    }
  }

  private readString(del: number): void {
    this.saveAndNext();
    while (this.current !== del) {
      switch (this.current) {
        case -1:
          this.lexError("unfinished string", T.eos);
        // falls through (lexError throws)
        case 10:
        case 13:
          this.lexError("unfinished string", T.string);
        // falls through
        case 92: {
          this.next();
          let c: number;
          switch (this.peek()) {
            case 97:
              c = 7;
              break;
            case 98:
              c = 8;
              break;
            case 102:
              c = 12;
              break;
            case 110:
              c = 10;
              break;
            case 114:
              c = 13;
              break;
            case 116:
              c = 9;
              break;
            case 118:
              c = 11;
              break;
            case 10:
            case 13:
              this.save(10);
              this.incLine();
              continue;
            case -1:
              continue;
            default: {
              if (!isDigit(this.current)) {
                this.saveAndNext();
              } else {
                let i = 0;
                c = 0;
                do {
                  c = 10 * c + (this.current - 48);
                  this.next();
                } while (++i < 3 && isDigit(this.current));
                if (c > 255) this.lexError("escape sequence too large", T.string);
                this.save(c);
              }
              continue;
            }
          }
          this.save(c);
          this.next();
          continue;
        }
        default:
          this.saveRun(del);
      }
    }
    this.saveAndNext();
  }

  private readNumeral(): void {
    const start = this.pos;
    do {
      this.saveAndNext();
    } while (isDigit(this.current) || this.current === 46);
    // check_next's strchr(set, c) also finds the set's terminating NUL: a NUL byte here is
    // taken as the exponent mark, or as its sign
    if (this.current === 69 || this.current === 101 || this.current === 0) {
      this.saveAndNext();
      const sign = this.peek();
      if (sign === 43 || sign === 45 || sign === 0) this.saveAndNext();
    }
    while (isAlnum(this.current) || this.current === 95) this.saveAndNext();
    // the buffer is read as a C string: up to its first NUL
    const nul = this.buf.indexOf("\0");
    if (nul >= 0) {
      this.buf = this.buf.slice(0, nul);
      this.nulNumerals.push({ start, end: this.pos, text: this.buf });
    }
    if (str2number(this.buf) === undefined) this.lexError("malformed number", T.number);
  }

  /** Numerals whose text runs past a NUL byte (see readNumeral), in source order. */
  readonly nulNumerals: { start: number; end: number; text: string }[] = [];

  private lex(): number {
    this.buf = "";
    for (;;) {
      const c = this.current;
      switch (c) {
        case 10:
        case 13:
          this.incLine();
          continue;
        case 45: // '-'
          this.next();
          if (this.current !== 45) return 45;
          this.next();
          if (this.peek() === 91) {
            const sep = this.skipSep();
            this.buf = "";
            if (sep >= 0) {
              this.readLongString(false, sep);
              this.buf = "";
              continue;
            }
          }
          while (!this.isNewline() && this.peek() !== -1) this.next();
          continue;
        case 91: {
          const sep = this.skipSep();
          if (sep >= 0) {
            this.readLongString(true, sep);
            return T.string;
          }
          if (sep === -1) return 91;
          this.lexError("invalid long string delimiter", T.string);
        }
        // falls through (lexError throws)
        case 61:
          return this.orEquals(61, T.eq);
        case 60:
          return this.orEquals(60, T.le);
        case 62:
          return this.orEquals(62, T.ge);
        case 126:
          return this.orEquals(126, T.ne);
        case 34:
        case 39:
          this.readString(c);
          return T.string;
        case 46:
          this.saveAndNext();
          if (this.current === 46) {
            this.saveAndNext();
            if (this.current === 46) {
              this.saveAndNext();
              return T.dots;
            }
            return T.concat;
          }
          if (!isDigit(this.current)) return 46;
          this.readNumeral();
          return T.number;
        case -1:
          return T.eos;
        default:
          if (isSpace(c)) {
            this.next();
            continue;
          }
          if (isDigit(c)) {
            this.readNumeral();
            return T.number;
          }
          if (isAlpha(c) || c === 95) {
            do {
              this.saveAndNext();
            } while (isAlnum(this.current) || this.current === 95);
            const kw = KW[this.buf];
            return kw !== undefined ? kw : T.name;
          }
          this.next();
          return c;
      }
    }
  }
}
