// The set-up the multi-client socket tests share (blocking, pub/sub, tracking and pause): a
// server per executor mode (inline and on its own thread, as `redlua server` runs it), clients
// opened on it and closed when the mode's tests end, and a command that returns the parsed reply.
import { describe, before, after } from "node:test";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { parseReply, RespClient, type RespValue } from "./resp-client.js";

configureLog({ silent: true });

let srv: RedluaServer | undefined;
const open: RespClient[] = [];

/** A new connection to the current mode's server, switched to RESP3 if asked. */
export async function client(resp: 2 | 3 = 2): Promise<RespClient> {
  if (srv === undefined) throw new Error("no server: call client() inside eachExecutor's tests");
  const c = await RespClient.connect(srv.port);
  open.push(c);
  if (resp === 3) await c.command(["HELLO", "3"]);
  return c;
}

/** Sends a command and returns its parsed reply. */
export async function call(c: RespClient, ...args: string[]): Promise<RespValue> {
  return parseReply(await c.command(args));
}

/** Declares `body`'s tests once per executor mode, inside describe("executor MODE"). */
export function eachExecutor(body: () => void): void {
  for (const executor of ["inline", "thread"] as const) {
    describe(`executor ${executor}`, () => {
      before(async () => {
        srv = await startServer({ executor, config: { save: "", appendonly: "no" } });
      });

      after(async () => {
        for (const c of open.splice(0)) c.close();
        await srv?.close();
        srv = undefined;
      });

      body();
    });
  }
}
