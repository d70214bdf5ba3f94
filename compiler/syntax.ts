// Lua 5.1's syntax errors, exactly: a recursive-descent recogniser that follows lparser.c
// (5.1.5) step for step over the tokens of syntax-lexer.ts (llex.c) — same token texts, same
// checks in the same order, same limits (200 syntax levels, 200 locals, 60 upvalues) — and
// builds nothing. The compiler runs it before luaparse, so every program gets Lua's own verdict
// and words.
import { K, Lexer, MAXCCALLS, MAXUPVALUES, MAXVARS, SyntaxFailure, T } from "./syntax-lexer.js";

// ---- the parser (lparser.c) -----------------------------------------------------------------------

interface FuncState {
  prev: FuncState | undefined;
  linedefined: number;
  isVararg: boolean;
  /** active local names, innermost last */
  actvar: string[];
  /** distinct upvalue names */
  upvalues: Set<string>;
  /** enclosing blocks: whether each is a loop, and how many locals were active at its start */
  blocks: { isLoop: boolean; nactvar: number }[];
}

const enum ExpKind {
  Call,
  Var,
  Other,
}

/** [left, right] binary priorities (lparser.c's priority[]) by token. */
const BINARY: Map<number, [number, number]> = new Map([
  [43, [6, 6]],
  [45, [6, 6]],
  [42, [7, 7]],
  [47, [7, 7]],
  [37, [7, 7]],
  [94, [10, 9]],
  [T.concat, [5, 4]],
  [T.ne, [3, 3]],
  [T.eq, [3, 3]],
  [60, [3, 3]],
  [T.le, [3, 3]],
  [62, [3, 3]],
  [T.ge, [3, 3]],
  [K("and"), [2, 2]],
  [K("or"), [1, 1]],
]);
const UNARY_PRIORITY = 8;

class Parser {
  private fs: FuncState | undefined = undefined;
  private nCcalls: number;

  constructor(
    private readonly ls: Lexer,
    startLevel: number,
  ) {
    this.nCcalls = startLevel;
  }

  // -- helpers --
  /** the current token (a method, so TypeScript doesn't narrow it across advance()) */
  private get tok(): number {
    return this.ls.tok as number;
  }

  private current(): number {
    return this.ls.tok;
  }

  private errorExpected(tok: number): never {
    this.ls.syntaxError(`'${this.ls.tokenToStr(tok)}' expected`);
  }

  private testnext(c: number): boolean {
    if (this.tok === c) {
      this.ls.advance();
      return true;
    }
    return false;
  }

  private check(c: number): void {
    if (this.tok !== c) this.errorExpected(c);
  }

  private checknext(c: number): void {
    this.check(c);
    this.ls.advance();
  }

  private checkMatch(what: number, who: number, where: number): void {
    if (!this.testnext(what)) {
      if (where === this.ls.line) this.errorExpected(what);
      this.ls.syntaxError(
        `'${this.ls.tokenToStr(what)}' expected (to close '${this.ls.tokenToStr(who)}' at line ${where})`,
      );
    }
  }

  private strCheckname(): string {
    this.check(T.name);
    const name = this.ls.tokText;
    this.ls.advance();
    return name;
  }

  private enterLevel(): void {
    if (++this.nCcalls > MAXCCALLS) this.ls.lexError("chunk has too many syntax levels", 0);
  }

  private leaveLevel(): void {
    this.nCcalls--;
  }

  private errorLimit(limit: number, what: string): never {
    const fs = this.fs!;
    const msg =
      fs.linedefined === 0
        ? `main function has more than ${limit} ${what}`
        : `function at line ${fs.linedefined} has more than ${limit} ${what}`;
    this.ls.lexError(msg, 0);
  }

  private newLocalvar(name: string, n: number): void {
    const fs = this.fs!;
    if (fs.actvar.length + n + 1 > MAXVARS) this.errorLimit(MAXVARS, "local variables");
    void name;
  }

  private adjustLocalvars(names: string[]): void {
    this.fs!.actvar.push(...names);
  }

  private openFunc(linedefined: number): void {
    this.fs = { prev: this.fs, linedefined, isVararg: false, actvar: [], upvalues: new Set(), blocks: [] };
  }

  private closeFunc(): void {
    this.fs = this.fs!.prev;
  }

  private enterBlock(isLoop: boolean): void {
    this.fs!.blocks.push({ isLoop, nactvar: this.fs!.actvar.length });
  }

  private leaveBlock(): void {
    const b = this.fs!.blocks.pop()!;
    this.fs!.actvar.length = b.nactvar;
  }

  /** singlevar: resolves a name, counting upvalues against the limit. */
  private singlevar(name: string): void {
    const resolve = (fs: FuncState | undefined): "local" | "upval" | "global" => {
      if (fs === undefined) return "global";
      if (fs.actvar.lastIndexOf(name) >= 0) return "local";
      const r = resolve(fs.prev);
      if (r === "global") return "global";
      if (!fs.upvalues.has(name)) {
        if (fs.upvalues.size + 1 > MAXUPVALUES) {
          const saved = this.fs;
          this.fs = fs;
          this.errorLimit(MAXUPVALUES, "upvalues");
          this.fs = saved;
        }
        fs.upvalues.add(name);
      }
      return "upval";
    };
    resolve(this.fs);
  }

  // -- rules --
  parseChunk(): void {
    this.openFunc(0);
    this.fs!.isVararg = true;
    this.ls.advance();
    this.chunk();
    this.check(T.eos);
    this.closeFunc();
  }

  private blockFollow(tok: number): boolean {
    return (
      tok === K("else") || tok === K("elseif") || tok === K("end") || tok === K("until") || tok === T.eos
    );
  }

  private chunk(): void {
    let islast = false;
    this.enterLevel();
    while (!islast && !this.blockFollow(this.tok)) {
      islast = this.statement();
      this.testnext(59);
    }
    this.leaveLevel();
  }

  private block(): void {
    this.enterBlock(false);
    this.chunk();
    this.leaveBlock();
  }

  private statement(): boolean {
    const line = this.ls.line;
    switch (this.tok) {
      case K("if"):
        this.ifstat(line);
        return false;
      case K("while"):
        this.ls.advance();
        this.expr();
        this.enterBlock(true);
        this.checknext(K("do"));
        this.block();
        this.checkMatch(K("end"), K("while"), line);
        this.leaveBlock();
        return false;
      case K("do"):
        this.ls.advance();
        this.block();
        this.checkMatch(K("end"), K("do"), line);
        return false;
      case K("for"):
        this.forstat(line);
        return false;
      case K("repeat"):
        this.ls.advance();
        this.enterBlock(true);
        this.enterBlock(false);
        this.chunk();
        this.checkMatch(K("until"), K("repeat"), line);
        this.expr();
        this.leaveBlock();
        this.leaveBlock();
        return false;
      case K("function"): {
        this.ls.advance();
        this.singlevar(this.strCheckname());
        let needSelf = false;
        while (this.tok === 46) {
          this.ls.advance();
          this.strCheckname();
        }
        if (this.tok === 58) {
          needSelf = true;
          this.ls.advance();
          this.strCheckname();
        }
        this.body(needSelf, line);
        return false;
      }
      case K("local"):
        this.ls.advance();
        if (this.testnext(K("function"))) {
          const name = this.strCheckname();
          this.newLocalvar(name, 0);
          this.adjustLocalvars([name]);
          this.body(false, this.ls.line);
        } else {
          const names: string[] = [];
          do {
            const name = this.strCheckname();
            this.newLocalvar(name, names.length);
            names.push(name);
          } while (this.testnext(44));
          if (this.testnext(61)) this.explist1();
          this.adjustLocalvars(names);
        }
        return false;
      case K("return"):
        this.ls.advance();
        if (!this.blockFollow(this.tok) && this.tok !== 59) this.explist1();
        return true;
      case K("break"): {
        this.ls.advance();
        const blocks = this.fs!.blocks;
        if (!blocks.some((b) => b.isLoop)) this.ls.syntaxError("no loop to break");
        return true;
      }
      default:
        this.exprstat();
        return false;
    }
  }

  private ifstat(line: number): void {
    this.testThenBlock();
    while (this.tok === K("elseif")) this.testThenBlock();
    if (this.testnext(K("else"))) this.block();
    this.checkMatch(K("end"), K("if"), line);
  }

  private testThenBlock(): void {
    this.ls.advance();
    this.expr();
    this.checknext(K("then"));
    this.block();
  }

  private forstat(line: number): void {
    this.enterBlock(true);
    this.ls.advance();
    const varname = this.strCheckname();
    switch (this.tok) {
      case 61:
        this.fornum(varname, line);
        break;
      case 44:
      case K("in"):
        this.forlist(varname);
        break;
      default:
        this.ls.syntaxError("'=' or 'in' expected");
    }
    this.checkMatch(K("end"), K("for"), line);
    this.leaveBlock();
  }

  private fornum(varname: string, line: number): void {
    this.newLocalvar("(for index)", 0);
    this.newLocalvar("(for limit)", 1);
    this.newLocalvar("(for step)", 2);
    this.newLocalvar(varname, 3);
    this.checknext(61);
    this.expr();
    this.checknext(44);
    this.expr();
    if (this.testnext(44)) this.expr();
    this.forbody(["(for index)", "(for limit)", "(for step)"], [varname]);
    void line;
  }

  private forlist(first: string): void {
    const names = [first];
    this.newLocalvar("(for generator)", 0);
    this.newLocalvar("(for state)", 1);
    this.newLocalvar("(for control)", 2);
    this.newLocalvar(first, 3);
    while (this.testnext(44)) {
      const n = this.strCheckname();
      this.newLocalvar(n, names.length + 3);
      names.push(n);
    }
    this.checknext(K("in"));
    this.explist1();
    this.forbody(["(for generator)", "(for state)", "(for control)"], names);
  }

  private forbody(hidden: string[], names: string[]): void {
    this.adjustLocalvars(hidden);
    this.checknext(K("do"));
    this.enterBlock(false);
    this.adjustLocalvars(names);
    this.block();
    this.leaveBlock();
  }

  private body(needSelf: boolean, line: number): void {
    this.openFunc(line);
    this.checknext(40);
    const params: string[] = [];
    if (needSelf) {
      this.newLocalvar("self", 0);
      params.push("self");
    }
    if (this.tok !== 41) {
      let vararg = false;
      do {
        switch (this.tok) {
          case T.name: {
            const name = this.strCheckname();
            this.newLocalvar(name, params.length);
            params.push(name);
            break;
          }
          case T.dots:
            this.ls.advance();
            // LUA_COMPAT_VARARG: a local 'arg'
            this.newLocalvar("arg", params.length);
            params.push("arg");
            vararg = true;
            break;
          default:
            this.ls.syntaxError("<name> or '...' expected");
        }
      } while (!vararg && this.testnext(44));
      this.fs!.isVararg = vararg;
    }
    this.adjustLocalvars(params);
    this.checknext(41);
    this.chunk();
    this.checkMatch(K("end"), K("function"), line);
    this.closeFunc();
  }

  private exprstat(): void {
    const kind = this.primaryexp();
    if (kind === ExpKind.Call) return;
    this.assignment(kind);
  }

  private assignment(kind: ExpKind): void {
    if (kind !== ExpKind.Var) this.ls.syntaxError("syntax error");
    if (this.testnext(44)) {
      const k = this.primaryexp();
      this.assignment(k);
    } else {
      this.checknext(61);
      this.explist1();
    }
  }

  private primaryexp(): ExpKind {
    let kind = this.prefixexp();
    for (;;) {
      switch (this.tok) {
        case 46:
          this.ls.advance();
          this.strCheckname();
          kind = ExpKind.Var;
          break;
        case 91:
          this.ls.advance();
          this.expr();
          this.checknext(93);
          kind = ExpKind.Var;
          break;
        case 58:
          this.ls.advance();
          this.strCheckname();
          this.funcargs();
          kind = ExpKind.Call;
          break;
        case 40:
        case T.string:
        case 123:
          this.funcargs();
          kind = ExpKind.Call;
          break;
        default:
          return kind;
      }
    }
  }

  private prefixexp(): ExpKind {
    switch (this.tok) {
      case 40: {
        const line = this.ls.line;
        this.ls.advance();
        this.expr();
        this.checkMatch(41, 40, line);
        return ExpKind.Other;
      }
      case T.name:
        this.singlevar(this.strCheckname());
        return ExpKind.Var;
      default:
        this.ls.syntaxError("unexpected symbol");
    }
  }

  private funcargs(): void {
    const line = this.ls.line;
    switch (this.tok) {
      case 40:
        if (line !== this.ls.lastline)
          this.ls.syntaxError("ambiguous syntax (function call x new statement)");
        this.ls.advance();
        if (this.current() !== 41) this.explist1();
        this.checkMatch(41, 40, line);
        return;
      case 123:
        this.constructor_();
        return;
      case T.string:
        this.ls.advance();
        return;
      default:
        this.ls.syntaxError("function arguments expected");
    }
  }

  private constructor_(): void {
    const line = this.ls.line;
    this.checknext(123);
    do {
      if (this.tok === 125) break;
      switch (this.tok) {
        case T.name:
          if (this.ls.lookahead() !== 61) this.expr();
          else this.recfield();
          break;
        case 91:
          this.recfield();
          break;
        default:
          this.expr();
      }
    } while (this.testnext(44) || this.testnext(59));
    this.checkMatch(125, 123, line);
  }

  private recfield(): void {
    if (this.tok === T.name) {
      this.strCheckname();
    } else {
      this.ls.advance();
      this.expr();
      this.checknext(93);
    }
    this.checknext(61);
    this.expr();
  }

  private explist1(): void {
    this.expr();
    while (this.testnext(44)) this.expr();
  }

  private expr(): void {
    this.subexpr(0);
  }

  private simpleexp(): void {
    switch (this.tok) {
      case T.number:
      case T.string:
      case K("nil"):
      case K("true"):
      case K("false"):
        this.ls.advance();
        return;
      case T.dots:
        if (!this.fs!.isVararg) this.ls.syntaxError("cannot use '...' outside a vararg function");
        this.ls.advance();
        return;
      case 123:
        this.constructor_();
        return;
      case K("function"): {
        const line = this.ls.line;
        this.ls.advance();
        this.body(false, line);
        return;
      }
      default:
        this.primaryexp();
    }
  }

  private subexpr(limit: number): void {
    this.enterLevel();
    const t = this.tok;
    if (t === K("not") || t === 45 || t === 35) {
      this.ls.advance();
      this.subexpr(UNARY_PRIORITY);
    } else {
      this.simpleexp();
    }
    let op = BINARY.get(this.tok);
    while (op !== undefined && op[0] > limit) {
      this.ls.advance();
      this.subexpr(op[1]);
      op = BINARY.get(this.tok);
    }
    this.leaveLevel();
  }
}

/**
 * Checks a chunk's syntax as lua5.1 does; throws CompileError with Lua's message on the first
 * error. `level` is the C-call depth the parser starts at (lua.c loads a file at depth 1).
 * Returns the source for luaparse (withoutNulNumerals).
 */
export function checkSyntax(source: string, level = 1): string {
  const lexer = new Lexer(source);
  const parser = new Parser(lexer, level);
  try {
    parser.parseChunk();
  } catch (e) {
    if (e instanceof SyntaxFailure) throw e.error;
    throw e;
  }
  return withoutNulNumerals(source, lexer.nulNumerals);
}

/**
 * The source as luaparse can read it: each numeral that swallowed a NUL byte (readNumeral)
 * becomes the C string Lua converted, padded with spaces to its length (numerals span no
 * lines, so every position stays where it was). Returns the source itself when there are none.
 */
function withoutNulNumerals(source: string, spans: { start: number; end: number; text: string }[]): string {
  if (spans.length === 0) return source;
  let out = "";
  let from = 0;
  for (const { start, end, text } of spans) {
    out += source.slice(from, start) + text + " ".repeat(end - start - text.length);
    from = end;
  }
  return out + source.slice(from);
}
