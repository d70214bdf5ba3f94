// Lexical scopes of a Lua chunk: which JS name each Lua local got, and whether a name
// resolves to a local of the current function, an upvalue, or a global. Lua allows
// redeclaring a name in one block, so every declaration gets a fresh JS name.

export interface LocalVar {
  luaName: string;
  jsName: string;
  /** the function scope that declared it */
  fn: FunctionScope;
  /** always holds a number (a numeric for variable the body never assigns) */
  number?: boolean;
  /** always holds a function (a `local function` whose name is never assigned) */
  isFunction?: boolean;
}

export class FunctionScope {
  /** Temporaries used by emitted code in this function: $1, $2, … */
  temps = 0;
  /** The numeric constants 0 and -0 lowered in this function, in order (see lower/zeros.ts). */
  readonly zeros: { node: object; negative: boolean }[] = [];
  /** zero constants whose nodes the emitted code does not contain but Lua still adds */
  readonly keptZeros = new Set<object>();
  constructor(
    readonly parent: FunctionScope | null,
    readonly isVararg: boolean,
    /** emitting the generator (coroutine) version of this function */
    readonly gen: boolean,
  ) {}
}

class BlockScope {
  readonly vars = new Map<string, LocalVar>();
  constructor(
    readonly parent: BlockScope | null,
    readonly fn: FunctionScope,
  ) {}
}

export type Resolved = { kind: "local" | "upvalue"; v: LocalVar } | { kind: "global" };

export class Scopes {
  private block: BlockScope | null = null;
  private uid = 0;

  enterFunction(isVararg: boolean, gen: boolean): FunctionScope {
    const parent = this.block?.fn ?? null;
    const fn = new FunctionScope(parent, isVararg, gen);
    this.block = new BlockScope(this.block, fn);
    return fn;
  }

  enterBlock(): void {
    const b = this.block!;
    this.block = new BlockScope(b, b.fn);
  }

  leave(): void {
    this.block = this.block!.parent;
  }

  get fn(): FunctionScope {
    return this.block!.fn;
  }

  /** Declares a Lua local in the current block; returns its JS name. */
  declare(luaName: string): LocalVar {
    const v: LocalVar = { luaName, jsName: `${luaName}$${++this.uid}`, fn: this.fn };
    this.block!.vars.set(luaName, v);
    return v;
  }

  /** A fresh JS-only name (never clashes with Lua names, which can't contain '$'). */
  fresh(hint: string): string {
    return `$${hint}${++this.uid}`;
  }

  /** A per-function temporary, declared once at the top of the function. */
  temp(): string {
    return `$${++this.fn.temps}`;
  }

  resolve(luaName: string): Resolved {
    for (let b = this.block; b !== null; b = b.parent) {
      const v = b.vars.get(luaName);
      if (v !== undefined) return { kind: v.fn === this.fn ? "local" : "upvalue", v };
    }
    return { kind: "global" };
  }
}
