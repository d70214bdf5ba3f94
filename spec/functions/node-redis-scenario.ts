// node-redis's function helpers (functionLoad, fCall, fCallRo, functionList, functionStats,
// functionDump/Restore, functionDelete/Flush/Kill) driven through one scenario, with the
// values node-redis hands back collected as JSON. The recorder runs it against
// redis-server (spec/functions/node-redis.json), the test against redlua, RESP2 and RESP3.

import { createClient, RESP_TYPES } from "redis";

const LIB = [
  "#!lua name=nrlib",
  "redis.register_function('nr_set', function(keys, args) return redis.call('set', keys[1], args[1]) end)",
  "redis.register_function{function_name='nr_get', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads a key'}",
  "redis.register_function('nr_list', function(keys, args) return {#keys, args[1], args[2], 3.99, {ok='fine'}} end)",
  "redis.register_function('nr_err', function() return redis.error_reply('NRERR custom') end)",
  "redis.register_function('nr_fail', function() error('failing') end)",
].join("\n");

const LIB_V2 = [
  "#!lua name=nrlib",
  "redis.register_function('nr_set', function(keys, args) return redis.call('set', keys[1], args[1] .. ':v2') end)",
  "redis.register_function{function_name='nr_get', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}}",
  "redis.register_function{function_name='nr_map', callback=function() redis.setresp(3) return {map={a=1}} end, flags={'no-writes'}}",
].join("\n");

/** What one step gave: its value, or the error node-redis raised. */
type Outcome = unknown;

function plain(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { hex: v.toString("hex") };
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return { map: [...v.entries()].map(([k, x]) => [plain(k), plain(x)]) };
  if (v instanceof Set) return { set: [...v].map(plain) };
  if (v !== null && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x);
    return o;
  }
  return v;
}

/** FUNCTION LIST's order is Redis's hash-table order: compare libraries and functions by name. */
function byName(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  const key = (x: unknown, k: string): string => String((x as Record<string, unknown>)[k]);
  return list
    .map((lib: Record<string, unknown>) =>
      Array.isArray(lib.functions)
        ? { ...lib, functions: [...lib.functions].sort((a, b) => (key(a, "name") < key(b, "name") ? -1 : 1)) }
        : lib,
    )
    .sort((a, b) => (key(a, "library_name") < key(b, "library_name") ? -1 : 1));
}

export async function nodeRedisScenario(port: number, resp: 2 | 3): Promise<Outcome[]> {
  const client = createClient({ socket: { port, host: "127.0.0.1" }, RESP: resp });
  client.on("error", () => {});
  await client.connect();
  const out: Outcome[] = [];
  const step = async (f: () => Promise<unknown>): Promise<unknown> => {
    try {
      const v = await f();
      out.push(plain(v));
      return v;
    } catch (e) {
      out.push({ error: (e as Error).message });
      return undefined;
    }
  };
  try {
    await step(() => client.functionFlush());
    await step(() => client.functionLoad(LIB));
    await step(() => client.functionLoad(LIB));
    await step(() => client.fCall("nr_set", { keys: ["nr:k"], arguments: ["v1"] }));
    await step(() => client.fCallRo("nr_get", { keys: ["nr:k"] }));
    await step(() => client.fCall("nr_get", { keys: ["nr:k"] }));
    await step(() => client.fCallRo("nr_set", { keys: ["nr:k"], arguments: ["x"] }));
    await step(() => client.fCall("nr_list", { keys: ["a", "b"], arguments: ["x", "y"] }));
    await step(() => client.fCall("nr_err", {}));
    await step(() => client.fCall("nr_fail", {}));
    await step(() => client.fCall("nosuch", {}));
    await step(async () => byName(await client.functionList({ LIBRARYNAME: "nrlib" })));
    await step(async () => byName(await client.functionList({ LIBRARYNAME: "nomatch*" })));
    await step(async () => byName(await client.functionListWithCode({ LIBRARYNAME: "nr*" })));
    await step(() => client.functionStats());
    await step(() => client.functionKill());
    const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const dump = (await step(() => binary.functionDump())) as Buffer | undefined;
    await step(() => client.functionLoad(LIB_V2, { REPLACE: true }));
    await step(() => client.fCall("nr_set", { keys: ["nr:k"], arguments: ["v2"] }));
    await step(() => client.fCall("nr_map", {}));
    await step(() => client.fCall("nr_list", {}));
    if (dump !== undefined) {
      await step(() => client.functionRestore(dump));
      await step(() => client.functionRestore(dump, { mode: "REPLACE" }));
      await step(() => client.fCall("nr_list", { keys: [], arguments: ["after", "restore"] }));
      await step(() => client.functionDelete("nrlib"));
      await step(() => client.functionDelete("nrlib"));
      await step(() => client.functionRestore(dump, { mode: "FLUSH" }));
      await step(() => client.fCallRo("nr_get", { keys: ["nr:k"] }));
    }
    await step(() => client.functionFlush("SYNC"));
    await step(async () => byName(await client.functionList()));
  } finally {
    await client.quit();
  }
  return out;
}
