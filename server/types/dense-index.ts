// Finding a key in a dense array (hash fields, set members): small arrays are scanned, and past
// SMALL keys a key -> position Map is kept beside the array. A Map and its table were most of a
// small value's memory and of what the GC copies, and up to SMALL keys a scan is as fast as the
// Map's lookup (which hashes the key first).

/** Keys up to which an array is scanned without its index map. */
const SMALL = 16;

/** The key's position in `keys`, or -1, through `index` when the array has one. */
export function positionOf(
  keys: readonly string[],
  index: Map<string, number> | undefined,
  key: string,
): number {
  if (index !== undefined) return index.get(key) ?? -1;
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
  return -1;
}

/** `index`, or a new one once `keys` has grown past SMALL (undefined until then). */
export function indexOnceBig(
  keys: readonly string[],
  index: Map<string, number> | undefined,
): Map<string, number> | undefined {
  if (index !== undefined || keys.length <= SMALL) return index;
  const m = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i], i);
  return m;
}
