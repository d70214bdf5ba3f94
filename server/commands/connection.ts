// Connection commands: PING ECHO SELECT AUTH HELLO QUIT RESET and CLIENT (ID SETNAME GETNAME
// LIST INFO KILL NO-EVICT REPLY). Client state only; the sockets are reached through the
// executor's host (CLIENT KILL).

import type { ClientState } from "../client.js";
import type { Executor } from "../executor.js";
import { err, ErrorReply, MapReply, OK, PONG, StatusReply, VerbatimReply, type Reply } from "../reply.js";
import { parseLLNum } from "../util/numbers.js";
import { ERR_SYNTAX } from "./helpers.js";
import { int32Arg } from "./keys.js";
import { clientUnblockDef } from "./blocking.js";
import type { CommandDef } from "./table.js";

export const REDIS_VERSION = "7.0.15";
const WRONGPASS = err("WRONGPASS invalid username-password pair or user is disabled.");

export function executorOf(c: ClientState): Executor {
  return c.db.host as unknown as Executor;
}

function ping(c: ClientState, argv: string[]): Reply {
  if (argv.length > 2) return err("ERR wrong number of arguments for 'ping' command");
  if (c.subs + c.psubs + c.ssubs > 0 && c.resp === 2) return ["pong", argv.length === 1 ? "" : argv[1]];
  return argv.length === 1 ? PONG : argv[1];
}

function select(c: ClientState, argv: string[]): Reply {
  const id = int32Arg(argv[1]);
  if (id instanceof ErrorReply) return id;
  const ex = executorOf(c);
  if (id < 0 || id >= ex.dbs.length) return err("ERR DB index is out of range");
  c.db = ex.dbs[id];
  return OK;
}

/** ACLAuthenticateUser for the default user with requirepass (no ACL users beyond default). */
function checkAuth(c: ClientState, user: string, pass: string): boolean {
  const ex = executorOf(c);
  const rp = ex.config.requirepass;
  if (user !== "default") return false;
  if (rp !== "" && pass !== rp) return false;
  c.authenticated = true;
  c.user = "default";
  return true;
}

function auth(c: ClientState, argv: string[]): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  if (argv.length === 2) {
    if (executorOf(c).config.requirepass === "") {
      return err(
        "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?",
      );
    }
    return checkAuth(c, "default", argv[1]) ? OK : WRONGPASS;
  }
  return checkAuth(c, argv[1], argv[2]) ? OK : WRONGPASS;
}

/** clientSetNameOrReply. */
function setName(c: ClientState, name: string): ErrorReply | undefined {
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch < 33 || ch > 126)
      return err("ERR Client names cannot contain spaces, newlines or special characters.");
  }
  c.name = name;
  return undefined;
}

function hello(c: ClientState, argv: string[]): Reply {
  let ver = 0;
  let next = 1;
  if (argv.length >= 2) {
    const v = parseLLNum(argv[next++]);
    if (v === undefined) return err("ERR Protocol version is not an integer or out of range");
    if (v < 2 || v > 3) return err("NOPROTO unsupported protocol version");
    ver = v;
  }
  let user: string | undefined;
  let pass: string | undefined;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === "auth" && more >= 2) {
      user = argv[j + 1];
      pass = argv[j + 2];
      j += 2;
    } else if (opt === "setname" && more >= 1) {
      // Redis 7.0 applies the name while parsing, before the authentication checks.
      const e = setName(c, argv[++j]);
      if (e) return e;
    } else return err(`ERR Syntax error in HELLO option '${argv[j]}'`);
  }
  if (user !== undefined && pass !== undefined && !checkAuth(c, user, pass)) return WRONGPASS;
  if (!c.authenticated) {
    if (executorOf(c).config.requirepass !== "") {
      return err(
        "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time",
      );
    }
    c.authenticated = true;
  }
  if (ver) c.resp = ver as 2 | 3;
  return new MapReply([
    "server",
    "redis",
    "version",
    REDIS_VERSION,
    "proto",
    c.resp,
    "id",
    c.id,
    "mode",
    "standalone",
    "role",
    "master",
    "modules",
    [],
  ]);
}

const RESET = new StatusReply("RESET");
function reset(c: ClientState): Reply {
  const ex = executorOf(c);
  c.db = ex.dbs[0];
  c.resp = 2;
  c.authenticated = ex.config.requirepass === "";
  ex.discard(c);
  ex.pubsub.clientGone(c);
  c.name = "";
  c.replyOff = false;
  c.replySkipNext = false;
  c.dropReply = false;
  return RESET;
}

/** Client flags as CLIENT LIST prints them. */
function clientFlags(c: ClientState): string {
  let f = "";
  if (c.kind === "replica") f += "S";
  if (c.kind === "master") f += "M";
  if (c.subs + c.psubs + c.ssubs > 0) f += "P";
  if (c.inMulti) f += "x";
  if (c.blocked) f += "b";
  if (c.dirtyCas) f += "d";
  if (c.closeAfterReply) f += "c";
  if (c.noEvict) f += "e";
  return f === "" ? "N" : f;
}

/** catClientInfoString. */
export function clientInfoLine(c: ClientState, now = Date.now()): string {
  const dbId = c.db.id;
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} ` +
    `age=${Math.floor((now - c.ctime) / 1000)} idle=${Math.floor((now - c.lastInteraction) / 1000)} ` +
    `flags=${clientFlags(c)} db=${dbId} sub=${c.subs} psub=${c.psubs} ssub=${c.ssubs} ` +
    `multi=${c.inMulti ? c.queue.length : -1} qbuf=${c.qbuf} qbuf-free=${c.qbuf === 0 ? 0 : 20474 - c.qbuf} ` +
    `argv-mem=0 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=${c.obuf} tot-mem=${22400 + c.qbuf + c.obuf} ` +
    `events=r cmd=${c.lastCmd} user=${c.user} redir=-1 resp=${c.resp}`
  );
}

const CLIENT_TYPES = new Map([
  ["normal", "normal"],
  ["slave", "replica"],
  ["replica", "replica"],
  ["pubsub", "pubsub"],
  ["master", "master"],
]);

function typeOfClient(c: ClientState): string {
  if (c.kind !== "normal") return c.kind;
  return c.subs + c.psubs + c.ssubs > 0 ? "pubsub" : "normal";
}

function clientList(c: ClientState, argv: string[]): Reply {
  const ex = executorOf(c);
  let out = "";
  const now = Date.now();
  if (argv.length === 4 && argv[2].toLowerCase() === "type") {
    const t = CLIENT_TYPES.get(argv[3].toLowerCase());
    if (t === undefined) return err(`ERR Unknown client type '${argv[3]}'`);
    for (const cl of ex.clients.values()) if (typeOfClient(cl) === t) out += clientInfoLine(cl, now) + "\n";
  } else if (argv.length > 3 && argv[2].toLowerCase() === "id") {
    for (let j = 3; j < argv.length; j++) {
      const id = parseLLNum(argv[j]);
      if (id === undefined) return err("ERR Invalid client ID");
      const cl = ex.clients.get(id);
      if (cl) out += clientInfoLine(cl, now) + "\n";
    }
  } else if (argv.length !== 2) return ERR_SYNTAX;
  else for (const cl of ex.clients.values()) out += clientInfoLine(cl, now) + "\n";
  return new VerbatimReply("txt", out);
}

function clientKill(c: ClientState, argv: string[]): Reply {
  const ex = executorOf(c);
  let addr: string | undefined;
  let laddr: string | undefined;
  let type: string | undefined;
  let id: number | undefined;
  let user: string | undefined;
  let skipme = true;
  if (argv.length === 3) {
    addr = argv[2];
    skipme = false;
  } else if (argv.length > 3 && argv.length % 2 === 0) {
    for (let i = 2; i < argv.length; i += 2) {
      const o = argv[i].toLowerCase();
      const v = argv[i + 1];
      if (o === "id") {
        const n = parseLLNum(v);
        if (n === undefined || n < 1) return err("ERR client-id should be greater than 0");
        id = n;
      } else if (o === "type") {
        type = CLIENT_TYPES.get(v.toLowerCase());
        if (type === undefined) return err(`ERR Unknown client type '${v}'`);
      } else if (o === "addr") addr = v;
      else if (o === "laddr") laddr = v;
      else if (o === "user") {
        if (v !== "default") return err(`ERR No such user '${v}'`);
        user = v;
      } else if (o === "skipme") {
        const l = v.toLowerCase();
        if (l === "yes") skipme = true;
        else if (l === "no") skipme = false;
        else return ERR_SYNTAX;
      } else return ERR_SYNTAX;
    }
  } else return ERR_SYNTAX;
  let killed = 0;
  let self = false;
  for (const cl of [...ex.clients.values()]) {
    if (addr !== undefined && cl.addr !== addr) continue;
    if (laddr !== undefined && cl.laddr !== laddr) continue;
    if (type !== undefined && typeOfClient(cl) !== type) continue;
    if (id !== undefined && cl.id !== id) continue;
    if (user !== undefined && cl.user !== user) continue;
    if (cl === c && skipme) continue;
    killed++;
    if (cl === c) self = true;
    else ex.host?.killClient(cl);
  }
  if (self) c.closeAfterReply = true;
  if (argv.length === 3) return killed === 0 ? err("ERR No such client") : OK;
  return killed;
}

function clientReply(c: ClientState, argv: string[]): Reply {
  const m = argv[2].toLowerCase();
  if (m === "on") {
    c.replyOff = false;
    c.dropReply = false;
    return OK;
  }
  if (m === "off") {
    c.replyOff = true;
    c.dropReply = true;
    return OK;
  }
  if (m === "skip") {
    if (!c.replyOff) c.replySkipNext = true;
    c.dropReply = true;
    return OK;
  }
  return ERR_SYNTAX;
}

function clientNoEvict(c: ClientState, argv: string[]): Reply {
  const m = argv[2].toLowerCase();
  if (m === "on") c.noEvict = true;
  else if (m === "off") c.noEvict = false;
  else return ERR_SYNTAX;
  return OK;
}

const conn = (
  name: string,
  arity: number,
  flags: CommandDef["flags"],
  summary: string,
  since: string,
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => ({
  name,
  arity,
  flags,
  acl: ["connection"],
  group: "connection",
  since,
  summary,
  complexity: "O(1)",
  handler,
  ...extra,
});

const clientSub = (
  name: string,
  arity: number,
  summary: string,
  since: string,
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => conn(name, arity, ["noscript", "loading", "stale"], summary, since, handler, extra);

export const connectionCommands: CommandDef[] = [
  conn("ping", -1, ["fast"], "Ping the server", "1.0.0", ping, {
    tips: ["request_policy:all_shards", "response_policy:all_succeeded"],
  }),
  conn("echo", 2, ["loading", "stale", "fast"], "Echo the given string", "1.0.0", (_c, a) => a[1]),
  conn(
    "select",
    2,
    ["loading", "stale", "fast"],
    "Change the selected database for the current connection",
    "1.0.0",
    select,
  ),
  conn(
    "auth",
    -2,
    ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
    "Authenticate to the server",
    "1.0.0",
    auth,
    {
      complexity: "O(N) where N is the number of passwords defined for the user",
    },
  ),
  conn(
    "hello",
    -1,
    ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
    "Handshake with Redis",
    "6.0.0",
    hello,
  ),
  conn(
    "quit",
    -1,
    ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
    "Close the connection",
    "1.0.0",
    (c) => {
      c.closeAfterReply = true;
      return OK;
    },
  ),
  conn(
    "reset",
    1,
    ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"],
    "Reset the connection",
    "6.2.0",
    reset,
  ),
  {
    name: "client",
    arity: -2,
    flags: [],
    group: "connection",
    since: "2.4.0",
    summary: "A container for client connection commands",
    complexity: "Depends on subcommand.",
    subcommands: [
      clientSub("id", 2, "Returns the client ID for the current connection", "5.0.0", (c) => c.id),
      clientSub("getname", 2, "Get the current connection name", "2.6.9", (c) =>
        c.name === "" ? null : c.name,
      ),
      clientSub("setname", 3, "Set the current connection name", "2.6.9", (c, a) => setName(c, a[2]) ?? OK),
      clientSub("list", -2, "Get the list of client connections", "2.4.0", clientList, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
        tips: ["nondeterministic_output"],
        complexity: "O(N) where N is the number of client connections",
      }),
      clientSub(
        "info",
        2,
        "Returns information about the current client connection.",
        "6.2.0",
        (c) => new VerbatimReply("txt", clientInfoLine(c) + "\n"),
        {
          tips: ["nondeterministic_output"],
        },
      ),
      clientSub("kill", -3, "Kill the connection of a client", "2.4.0", clientKill, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
        complexity: "O(N) where N is the number of client connections",
      }),
      clientSub(
        "no-evict",
        3,
        "Set client eviction mode for the current connection",
        "7.0.0",
        clientNoEvict,
        {
          flags: ["admin", "noscript", "loading", "stale"],
          acl: ["admin", "connection", "dangerous"],
        },
      ),
      clientSub("reply", 3, "Instruct the server whether to reply to commands", "3.2.0", clientReply),
      clientUnblockDef,
    ],
  },
];
