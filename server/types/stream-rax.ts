// The shape of Redis's radix tree (rax.c) over a stream's node keys, kept only to answer XINFO
// STREAM's radix-tree-nodes as Redis does: insertion splits compressed nodes (raxGenericInsert's
// ALGO 1 and 2, then one node per missing character or compressed run), removal frees the
// chain of single-child nodes above a key and recompresses (raxRemove). No values are stored.

class RaxNode {
  iskey = false;
  compressed = false;
  /** A compressed node's run of bytes, or a branching node's child bytes (sorted). */
  chars: number[] = [];
  /** One child for a compressed node; one per byte for a branching node. */
  children: RaxNode[] = [];

  get size(): number {
    return this.chars.length;
  }

  /** raxNodeLastChildPtr. */
  lastChild(): RaxNode {
    return this.children[this.children.length - 1];
  }
}

interface Walk {
  /** Bytes of the key matched. */
  i: number;
  /** The node where the walk stopped. */
  h: RaxNode;
  /** Its parent (undefined for the head) and the child slot holding it. */
  parent: RaxNode | undefined;
  slot: number;
  /** Position inside a compressed node where the walk stopped (raxLowWalk's splitpos). */
  j: number;
  /** The nodes walked through, head first. */
  stack: RaxNode[];
}

export class RaxShape {
  private head = new RaxNode();
  /** rax->numnodes */
  numnodes = 1;
  /** rax->numele */
  numele = 0;

  /** raxLowWalk. */
  private walk(s: Uint8Array): Walk {
    let h = this.head;
    let parent: RaxNode | undefined;
    let slot = 0;
    let i = 0;
    let j = 0;
    const stack: RaxNode[] = [];
    const len = s.length;
    while (h.size !== 0 && i < len) {
      const v = h.chars;
      if (h.compressed) {
        for (j = 0; j < h.size && i < len; j++, i++) if (v[j] !== s[i]) break;
        if (j !== h.size) break;
      } else {
        for (j = 0; j < h.size; j++) if (v[j] === s[i]) break;
        if (j === h.size) break;
        i++;
      }
      stack.push(h);
      slot = h.compressed ? 0 : j;
      parent = h;
      h = h.children[slot];
      j = 0;
    }
    return { i, h, parent, slot, j, stack };
  }

  private link(parent: RaxNode | undefined, slot: number, node: RaxNode): void {
    if (parent === undefined) this.head = node;
    else parent.children[slot] = node;
  }

  /** raxInsert of a new key; false when it was already there. */
  insert(s: Uint8Array): boolean {
    const len = s.length;
    const w = this.walk(s);
    const { parent, slot, j } = w;
    let { i, h } = w;
    if (i === len && (!h.compressed || j === 0)) {
      if (h.iskey) return false;
      h.iskey = true;
      this.numele++;
      return true;
    }
    if (h.compressed && i !== len) {
      // ALGORITHM 1: split the compressed node where the key diverges.
      const next = h.children[0];
      const postfixLen = h.size - j - 1;
      const split = new RaxNode();
      split.chars = [h.chars[j]];
      split.iskey = j === 0 && h.iskey;
      if (j === 0) this.link(parent, slot, split);
      else {
        const trimmed = new RaxNode();
        trimmed.chars = h.chars.slice(0, j);
        trimmed.compressed = j > 1;
        trimmed.iskey = h.iskey;
        trimmed.children = [split];
        this.link(parent, slot, trimmed);
        this.numnodes++;
      }
      let postfix = next;
      if (postfixLen > 0) {
        postfix = new RaxNode();
        postfix.chars = h.chars.slice(j + 1);
        postfix.compressed = postfixLen > 1;
        postfix.children = [next];
        this.numnodes++;
      }
      split.children = [postfix];
      h = split;
    } else if (h.compressed && i === len) {
      // ALGORITHM 2: the key ends inside the compressed node.
      const postfix = new RaxNode();
      postfix.chars = h.chars.slice(j);
      postfix.compressed = postfix.size > 1;
      postfix.iskey = true;
      postfix.children = [h.children[0]];
      const trimmed = new RaxNode();
      trimmed.chars = h.chars.slice(0, j);
      trimmed.compressed = j > 1;
      trimmed.iskey = h.iskey;
      trimmed.children = [postfix];
      this.link(parent, slot, trimmed);
      this.numnodes++;
      this.numele++;
      return true;
    }
    // The missing part: a compressed run into an empty node, or one branch per byte.
    while (i < len) {
      const child = new RaxNode();
      if (h.size === 0 && len - i > 1) {
        h.compressed = true;
        h.chars = Array.from(s.subarray(i, len));
        h.children = [child];
        i = len;
      } else {
        const c = s[i];
        let pos = 0;
        while (pos < h.size && h.chars[pos] < c) pos++;
        h.chars.splice(pos, 0, c);
        h.children.splice(pos, 0, child);
        i++;
      }
      this.numnodes++;
      h = child;
    }
    h.iskey = true;
    this.numele++;
    return true;
  }

  /** raxRemove; false when the key was not there. */
  remove(s: Uint8Array): boolean {
    const w = this.walk(s);
    let h = w.h;
    const stack = w.stack;
    if (w.i !== s.length || (h.compressed && w.j !== 0) || !h.iskey) return false;
    h.iskey = false;
    this.numele--;
    let tryCompress = false;
    if (h.size === 0) {
      let child: RaxNode | undefined;
      while (h !== this.head) {
        child = h;
        this.numnodes--;
        h = stack.pop() as RaxNode;
        if (h.iskey || (!h.compressed && h.size !== 1)) break;
      }
      if (child !== undefined) {
        // raxRemoveChild: a compressed parent becomes an empty node.
        if (h.compressed) {
          h.compressed = false;
          h.chars = [];
          h.children = [];
        } else {
          const k = h.children.indexOf(child);
          h.chars.splice(k, 1);
          h.children.splice(k, 1);
        }
        if (h.size === 1 && !h.iskey) tryCompress = true;
      }
    } else if (h.size === 1) {
      tryCompress = true;
    }
    if (!tryCompress) return true;
    // Go up while the nodes are compressible, then merge the chain below into one node.
    let parent: RaxNode | undefined;
    for (;;) {
      parent = stack.pop();
      if (parent === undefined || parent.iskey || (!parent.compressed && parent.size !== 1)) break;
      h = parent;
    }
    const start = h;
    let nodes = 1;
    for (let cur = h; cur.size !== 0;) {
      cur = cur.lastChild();
      if (cur.iskey || (!cur.compressed && cur.size !== 1)) break;
      nodes++;
    }
    if (nodes === 1) return true;
    const merged = new RaxNode();
    merged.compressed = true;
    this.numnodes++;
    let cur = start;
    while (cur.size !== 0) {
      if (cur.compressed) merged.chars.push(...cur.chars);
      else merged.chars.push(cur.chars[0]);
      cur = cur.lastChild();
      this.numnodes--;
      if (cur.iskey || (!cur.compressed && cur.size !== 1)) break;
    }
    merged.children = [cur];
    if (parent === undefined) this.head = merged;
    else parent.children[parent.children.indexOf(start)] = merged;
    return true;
  }
}
