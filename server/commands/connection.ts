// Connection commands: PING ECHO SELECT AUTH HELLO QUIT RESET, ASKING READONLY READWRITE (cluster
// only: refused), and CLIENT (ID SETNAME GETNAME LIST INFO KILL NO-EVICT REPLY PAUSE UNPAUSE
// TRACKING TRACKINGINFO CACHING GETREDIR HELP; UNBLOCK from blocking.ts). Client state only: the
// sockets are reached through the executor's host (CLIENT KILL); client-side caching lives in
// server/tracking.ts and the pause in server/pause.ts.

import { constants } from "node:buffer";
import type { ClientState } from "../client.js";
import type { Executor } from "../executor.js";
import { PAUSE_ALL, PAUSE_WRITE } from "../pause.js";
import {
  err,
  ErrorReply,
  LongTextReply,
  MapReply,
  OK,
  PONG,
  SetReply,
  StatusReply,
  VerbatimReply,
  type Reply,
} from "../reply.js";
import { parseLL, parseLLNum } from "../util/numbers.js";
import { cstr, ERR_NOT_INT, ERR_SYNTAX, is } from "./helpers.js";
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
  // monitors never see the password (nor the user name)
  c.redacted = argv.length === 3 ? [1, 2] : [1];
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
      (c.redacted ??= []).push(j + 1, j + 2);
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
  ex.tracking.disable(c);
  ex.monitors.remove(c);
  c.name = "";
  c.noEvict = false;
  c.replyOff = false;
  c.replySkipNext = false;
  c.dropReply = false;
  return RESET;
}

/** Client flags as CLIENT LIST prints them. */
function clientFlags(c: ClientState): string {
  let f = "";
  if (c.monitor) f += "O";
  else if (c.kind === "replica") f += "S";
  if (c.kind === "master") f += "M";
  if (c.subs + c.psubs + c.ssubs > 0) f += "P";
  if (c.inMulti) f += "x";
  if (c.blocked) f += "b";
  if (c.tracking !== undefined) {
    f += "t";
    if (c.tracking.brokenRedir) f += "R";
    if (c.tracking.bcast) f += "B";
  }
  if (c.dirtyCas) f += "d";
  if (c.closeAfterReply) f += "c";
  if (c.noEvict) f += "e";
  return f === "" ? "N" : f;
}

/** catClientInfoString up to the name. */
function clientInfoHead(c: ClientState): string {
  return `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=`;
}

/** catClientInfoString after the name. */
function clientInfoTail(c: ClientState, now: number): string {
  const dbId = c.db.id;
  return (
    ` age=${Math.floor((now - c.ctime) / 1000)} idle=${Math.floor((now - c.lastInteraction) / 1000)} ` +
    `flags=${clientFlags(c)} db=${dbId} sub=${c.subs} psub=${c.psubs} ssub=${c.ssubs} ` +
    `multi=${c.inMulti ? c.queue.length : -1} qbuf=${c.qbuf} qbuf-free=${c.qbuf === 0 ? 0 : 20474 - c.qbuf} ` +
    `argv-mem=0 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=${c.obuf} tot-mem=${22400 + c.qbuf + c.obuf} ` +
    `events=r cmd=${c.lastCmd} user=${c.user} redir=${c.tracking?.redirect ?? -1} resp=${c.resp}`
  );
}

/** Names longer than this are pieces of their own in CLIENT LIST and CLIENT INFO's text. */
const LONG_NAME = 64 * 1024;

/**
 * CLIENT LIST and CLIENT INFO's text, a line per client. A name may be as long as a string
 * (SETNAME takes up to proto-max-bulk-len): the lines of two clients named 300 MB, or a line
 * with a name near V8's longest string, are past it, so such text goes in pieces.
 */
class ClientLines {
  private readonly pieces: string[] = [];
  private length = 0;

  constructor(private readonly now: number) {}

  add(c: ClientState): void {
    const name = c.name;
    const head = clientInfoHead(c);
    const tail = clientInfoTail(c, this.now) + "\n";
    this.length += head.length + name.length + tail.length;
    if (name.length > LONG_NAME) this.pieces.push(head, name, tail);
    else this.pieces.push(head + name + tail);
  }

  reply(): Reply {
    if (this.length > constants.MAX_STRING_LENGTH) return new LongTextReply("verbatim", this.pieces);
    return new VerbatimReply("txt", this.pieces.length === 1 ? this.pieces[0] : this.pieces.join(""));
  }
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
  const out = new ClientLines(Date.now());
  if (argv.length === 4 && argv[2].toLowerCase() === "type") {
    const t = CLIENT_TYPES.get(argv[3].toLowerCase());
    if (t === undefined) return err(`ERR Unknown client type '${argv[3]}'`);
    for (const cl of ex.clients.values()) if (typeOfClient(cl) === t) out.add(cl);
  } else if (argv.length > 3 && argv[2].toLowerCase() === "id") {
    for (let j = 3; j < argv.length; j++) {
      const id = parseLLNum(argv[j]);
      if (id === undefined) return err("ERR Invalid client ID");
      const cl = ex.clients.get(id);
      if (cl) out.add(cl);
    }
  } else if (argv.length !== 2) return ERR_SYNTAX;
  else for (const cl of ex.clients.values()) out.add(cl);
  return out.reply();
}

/** CLIENT INFO */
function clientInfo(c: ClientState): Reply {
  const out = new ClientLines(Date.now());
  out.add(c);
  return out.reply();
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

/** addReplySubcommandSyntaxError. */
export function subcommandSyntaxError(argv: string[]): ErrorReply {
  return err(
    `ERR unknown subcommand or wrong number of arguments for '${cstr(argv[1]).slice(0, 128)}'. Try ${cstr(argv[0]).toUpperCase()} HELP.`,
  );
}

/** CLIENT PAUSE timeout [WRITE|ALL]. */
function clientPause(c: ClientState, argv: string[]): Reply {
  if (argv.length > 4) return subcommandSyntaxError(argv);
  let type = PAUSE_ALL;
  if (argv.length === 4) {
    if (is(argv[3], "write")) type = PAUSE_WRITE;
    else if (!is(argv[3], "all")) return err("ERR CLIENT PAUSE mode must be WRITE or ALL");
  }
  // getTimeoutFromObjectOrReply in milliseconds: 0 is a pause that is already over, and so is
  // one whose end overflows int64 (Redis 7.0 adds without checking)
  const ms = parseLL(argv[2]);
  if (ms === undefined) return err("ERR timeout is not an integer or out of range");
  if (ms < 0) return err("ERR timeout is negative");
  const end = ms === 0 ? 0 : Number(BigInt.asIntN(64, BigInt(ms) + BigInt(Date.now())));
  executorOf(c).pause.pause(end, type);
  return OK;
}

/** CLIENT TRACKING (ON|OFF) [REDIRECT id] [BCAST] [PREFIX p ...] [OPTIN] [OPTOUT] [NOLOOP]. */
function clientTracking(c: ClientState, argv: string[]): Reply {
  const ex = executorOf(c);
  let redirect = 0;
  const opts = { bcast: false, optin: false, optout: false, noloop: false };
  const prefixes: string[] = [];
  for (let j = 3; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const a = argv[j];
    if (is(a, "redirect") && more > 0) {
      j++;
      if (redirect !== 0) return err("ERR A client can only redirect to a single other client");
      const id = parseLLNum(argv[j]);
      if (id === undefined) return ERR_NOT_INT;
      // the target must exist now (it may go away later: the redirection then breaks)
      if (!ex.clients.has(id)) return err("ERR The client ID you want redirect to does not exist");
      redirect = id;
    } else if (is(a, "bcast")) opts.bcast = true;
    else if (is(a, "optin")) opts.optin = true;
    else if (is(a, "optout")) opts.optout = true;
    else if (is(a, "noloop")) opts.noloop = true;
    else if (is(a, "prefix") && more > 0) prefixes.push(argv[++j]);
    else return ERR_SYNTAX;
  }
  if (is(argv[2], "off")) {
    ex.tracking.disable(c);
    return OK;
  }
  if (!is(argv[2], "on")) return ERR_SYNTAX;
  const t = c.tracking;
  if (!opts.bcast && prefixes.length > 0) return err("ERR PREFIX option requires BCAST mode to be enabled");
  if (t !== undefined && t.bcast !== opts.bcast) {
    return err(
      "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.",
    );
  }
  if (opts.bcast && (opts.optin || opts.optout))
    return err("ERR OPTIN and OPTOUT are not compatible with BCAST");
  if (opts.optin && opts.optout) return err("ERR You can't specify both OPTIN mode and OPTOUT mode");
  if (t !== undefined && ((opts.optin && t.optout) || (opts.optout && t.optin))) {
    return err(
      "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.",
    );
  }
  if (opts.bcast) {
    const e = ex.tracking.prefixCollision(c, prefixes);
    if (e !== undefined) return err(`ERR ${e}`);
  }
  ex.tracking.enable(c, redirect, opts, prefixes);
  return OK;
}

/** CLIENT CACHING (YES|NO): track (OPTIN) or don't track (OPTOUT) the next command's keys. */
function clientCaching(c: ClientState, argv: string[]): Reply {
  const t = c.tracking;
  if (t === undefined) {
    return err(
      "ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled",
    );
  }
  if (is(argv[2], "yes")) {
    if (!t.optin) return err("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
  } else if (is(argv[2], "no")) {
    if (!t.optout) return err("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
  } else return ERR_SYNTAX;
  t.caching = true;
  return OK;
}

/** CLIENT TRACKINGINFO. */
function clientTrackingInfo(c: ClientState): Reply {
  const t = c.tracking;
  const flags: string[] = [t === undefined ? "off" : "on"];
  if (t !== undefined) {
    if (t.bcast) flags.push("bcast");
    if (t.optin) flags.push("optin");
    if (t.optin && t.caching) flags.push("caching-yes");
    if (t.optout) flags.push("optout");
    if (t.optout && t.caching) flags.push("caching-no");
    if (t.noloop) flags.push("noloop");
    if (t.brokenRedir) flags.push("broken_redirect");
  }
  return new MapReply([
    "flags",
    new SetReply(flags),
    "redirect",
    t === undefined ? -1 : t.redirect,
    "prefixes",
    t === undefined ? [] : t.prefixes.slice(),
  ]);
}

const CLIENT_HELP = [
  "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "CACHING (YES|NO)",
  "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
  "GETREDIR",
  "    Return the client ID we are redirecting to when tracking is enabled.",
  "GETNAME",
  "    Return the name of the current connection.",
  "ID",
  "    Return the ID of the current connection.",
  "INFO",
  "    Return information about the current client connection.",
  "KILL <ip:port>",
  "    Kill connection made from <ip:port>.",
  "KILL <option> <value> [<option> <value> [...]]",
  "    Kill connections. Options are:",
  "    * ADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made from the specified address",
  "    * LADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made to specified local address",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Kill connections by type.",
  "    * USER <username>",
  "      Kill connections authenticated by <username>.",
  "    * SKIPME (YES|NO)",
  "      Skip killing current connection (default: yes).",
  "LIST [options ...]",
  "    Return information about client connections. Options:",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Return clients of specified type.",
  "UNPAUSE",
  "    Stop the current client pause, resuming traffic.",
  "PAUSE <timeout> [WRITE|ALL]",
  "    Suspend all, or just write, clients for <timeout> milliseconds.",
  "REPLY (ON|OFF|SKIP)",
  "    Control the replies sent to the current connection.",
  "SETNAME <name>",
  "    Assign the name <name> to the current connection.",
  "UNBLOCK <clientid> [TIMEOUT|ERROR]",
  "    Unblock the specified blocked client.",
  "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
  "         [OPTIN] [OPTOUT] [NOLOOP]",
  "    Control server assisted client side caching.",
  "TRACKINGINFO",
  "    Report tracking status for the current connection.",
  "NO-EVICT (ON|OFF)",
  "    Protect current client connection from eviction.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const ERR_NO_CLUSTER = err("ERR This instance has cluster support disabled");

const conn = (
  name: string,
  arity: number,
  flags: CommandDef["flags"],
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => ({
  name,
  arity,
  flags,
  acl: ["connection"],
  handler,
  ...extra,
});

const clientSub = (
  name: string,
  arity: number,
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => conn(name, arity, ["noscript", "loading", "stale"], handler, extra);

export const connectionCommands: CommandDef[] = [
  conn("ping", -1, ["fast"], ping, {
    tips: ["request_policy:all_shards", "response_policy:all_succeeded"],
  }),
  conn("echo", 2, ["loading", "stale", "fast"], (_c, a) => a[1]),
  conn("select", 2, ["loading", "stale", "fast"], select),
  conn("auth", -2, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], auth),
  conn("hello", -1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], hello),
  conn("quit", -1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], (c) => {
    c.closeAfterReply = true;
    return OK;
  }),
  conn("reset", 1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], reset),
  {
    name: "client",
    arity: -2,
    flags: [],
    subcommands: [
      clientSub("id", 2, (c) => c.id),
      clientSub("getname", 2, (c) => (c.name === "" ? null : c.name)),
      clientSub("setname", 3, (c, a) => setName(c, a[2]) ?? OK),
      clientSub("list", -2, clientList, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
        tips: ["nondeterministic_output"],
      }),
      clientSub("info", 2, clientInfo, {
        tips: ["nondeterministic_output"],
      }),
      clientSub("kill", -3, clientKill, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
      }),
      clientSub("no-evict", 3, clientNoEvict, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
      }),
      clientSub("reply", 3, clientReply),
      clientUnblockDef,
      clientSub("pause", -3, clientPause, {
        flags: ["admin", "noscript", "loading", "stale"],
        acl: ["admin", "connection", "dangerous"],
      }),
      clientSub(
        "unpause",
        2,
        (c) => {
          executorOf(c).pause.unpause();
          return OK;
        },
        {
          flags: ["admin", "noscript", "loading", "stale"],
          acl: ["admin", "connection", "dangerous"],
        },
      ),
      clientSub("tracking", -3, clientTracking),
      clientSub("trackinginfo", 2, clientTrackingInfo),
      clientSub("caching", 3, clientCaching),
      clientSub("getredir", 2, (c) => (c.tracking === undefined ? -1 : c.tracking.redirect)),
      clientSub("help", 2, () => CLIENT_HELP, {
        flags: ["loading", "stale"],
      }),
    ],
  },
  conn("asking", 1, ["fast"], () => ERR_NO_CLUSTER),
  conn("readonly", 1, ["loading", "stale", "fast"], () => ERR_NO_CLUSTER),
  conn("readwrite", 1, ["loading", "stale", "fast"], () => ERR_NO_CLUSTER),
];
