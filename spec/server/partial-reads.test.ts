// Requests arriving in pieces on many connections at once. The connection thread reads every
// socket into one shared buffer (server/net/read-buffer.ts), so whatever a connection keeps of a
// read — a request cut anywhere, a big bulk still arriving — must be copied before the next read
// of any socket overwrites it. Clients here send big and small pipelined requests cut at
// random places, taking turns byte-run by byte-run, and check every reply; with the executor
// inline and on its own thread.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { encodeRequest } from "../../server/worker/wire.js";
import { rng } from "../fuzz/lua-diff-gen.js";
import { RespClient } from "../support/resp-client.js";

configureLog({ silent: true });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const executor of ["inline", "thread"] as const) {
  describe(`executor ${executor}`, () => {
    let srv: RedluaServer;

    before(async () => {
      srv = await startServer({ executor, config: { save: "", appendonly: "no" } });
    });

    after(async () => {
      await srv.close();
    });

    test("requests cut at random places on 12 connections arrive whole", async () => {
      const rand = rng(7);
      const clients: RespClient[] = [];
      for (let i = 0; i < 12; i++) clients.push(await RespClient.connect(srv.port));
      // per client: SET of a value from 1 byte to 300 KB (bigger than a read), GET of it, INCR
      const values: string[] = [];
      const streams: Buffer[] = [];
      for (let i = 0; i < clients.length; i++) {
        const size = i % 3 === 0 ? 1 + Math.floor(rand() * 300_000) : 1 + Math.floor(rand() * 200);
        let v = "";
        for (let k = 0; k < size; k += 64)
          v += `${i}:${k}:` + "abcdefghijklmnopqrstuvwxyz0123456789".repeat(2);
        v = v.slice(0, size);
        values.push(v);
        const key = `pr:${executor}:${i}`;
        streams.push(
          Buffer.concat([
            encodeRequest(["SET", key, v]),
            encodeRequest(["GET", key]),
            encodeRequest(["INCR", `${key}:n`]),
          ]),
        );
      }
      const sent = streams.map(() => 0);
      while (sent.some((s, i) => s < streams[i].length)) {
        for (let i = 0; i < clients.length; i++) {
          if (sent[i] >= streams[i].length) continue;
          const n = 1 + Math.floor(rand() * (rand() < 0.2 ? 70_000 : 40));
          const end = Math.min(streams[i].length, sent[i] + n);
          clients[i].sendRaw(streams[i].subarray(sent[i], end));
          sent[i] = end;
        }
        await sleep(rand() < 0.5 ? 0 : 1);
      }
      for (let i = 0; i < clients.length; i++) {
        const v = values[i];
        const want = `+OK\r\n$${v.length}\r\n${v}\r\n:1\r\n`;
        const got = await clients[i].readBytes(Buffer.byteLength(want, "latin1"), 10_000);
        assert.equal(got.toString("latin1"), want, `client ${i}`);
        clients[i].close();
      }
    });
  });
}
