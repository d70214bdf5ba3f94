// The canonical form of a COMMAND DOCS reply, RESP2 or RESP3: Redis lists a container's
// subcommands (and, with no names asked for, the commands) in the order of its hash tables,
// which are seeded at random per process, so each `subcommands` map is put in name order;
// everything else is kept byte for byte.

import { replyEnd } from "../support/resp-client.js";

/** The header line and the elements of the aggregate reply `s` (a map, array or set). */
export function aggregate(s: string): { head: string; items: string[] } {
  const buf = Buffer.from(s, "latin1");
  const nl = s.indexOf("\r\n");
  if (!"*%~".includes(s[0]) || nl < 0) throw new Error(`not an aggregate reply: ${s.slice(0, 40)}`);
  const items: string[] = [];
  let p = nl + 2;
  while (p < buf.length) {
    const e = replyEnd(buf, p);
    if (e < 0) throw new Error("truncated reply");
    items.push(s.slice(p, e));
    p = e;
  }
  return { head: s.slice(0, nl + 2), items };
}

const SUBCOMMANDS = "$11\r\nsubcommands\r\n";

/** One command's documentation map with its `subcommands` in canonical form. */
function canonicalDoc(doc: string): string {
  const { head, items } = aggregate(doc);
  for (let i = 0; i + 1 < items.length; i += 2) {
    if (items[i] === SUBCOMMANDS) items[i + 1] = canonicalPairs(items[i + 1], true);
  }
  return head + items.join("");
}

/** A name -> documentation map with each documentation canonical, its pairs in name order if `sort`. */
function canonicalPairs(map: string, sort: boolean): string {
  const { head, items } = aggregate(map);
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push([items[i], canonicalDoc(items[i + 1])]);
  if (sort) pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return head + pairs.map(([k, v]) => k + v).join("");
}

/**
 * The canonical form of a whole COMMAND DOCS reply: the commands in the reply's order (that of
 * the names asked for), each one's subcommands in name order.
 */
export function canonicalDocs(reply: string): string {
  return canonicalPairs(reply, false);
}

/** The (name, documentation) pairs of a COMMAND DOCS reply, canonical, as byte strings. */
export function docsPairs(reply: string): [name: string, doc: string][] {
  const { items } = aggregate(canonicalDocs(reply));
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}
