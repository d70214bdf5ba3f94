// Cursor iteration over a dense array whose deletes move the last element into the hole (the
// hashtable-encoded hash, set and sorted set). Shared by HSCAN, SSCAN and ZSCAN.
//
// The scan walks indexes downwards: cursor c != 0 means "indexes below c are still to visit".
// New elements are appended above every cursor, and a delete only moves the last element (already
// visited, or still unvisited and moving lower) — so every element present for the whole scan is
// returned at least once, SCAN's guarantee, and elements may repeat, as Redis allows.

/**
 * Visits up to `count` indexes below `cursor` (cursor 0 starts at the top), calling `visit` for
 * each; returns the next cursor, 0 when the iteration is complete.
 */
export function denseScan(size: number, cursor: number, count: number, visit: (i: number) => void): number {
  let i = cursor === 0 || cursor > size ? size : cursor;
  let n = 0;
  while (i > 0 && n < count) {
    i--;
    visit(i);
    n++;
  }
  return i;
}
