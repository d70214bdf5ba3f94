// Server configuration: every parameter CONFIG GET lists, with its type, default, limits and
// aliases, CONFIG SET validation in Redis 7.0's words, and memory-unit parsing shared with the
// config file and command line (cli/server.ts). Values are stored as the strings CONFIG GET prints.

import { globMatch } from "./util/glob.js";

type Kind =
  | { t: "bool" }
  | { t: "int"; min: number | bigint; max: number | bigint }
  | { t: "mem"; min: number; max: number | bigint }
  | { t: "enum"; values: string[]; multi?: boolean }
  | { t: "string" }
  | { t: "special" };

interface Param {
  name: string;
  alias?: string;
  kind: Kind;
  value: string;
  immutable?: boolean;
  /** Validates a special value; returns an error text or undefined. May normalize. */
  check?: (v: string) => string | { value: string } | undefined;
}

const I32 = 2147483647;
const U32 = 4294967295;
const LMAX = 9223372036854775807n;

function bool(name: string, def: boolean, extra: Partial<Param> = {}): Param {
  return { name, kind: { t: "bool" }, value: def ? "yes" : "no", ...extra };
}
function int(
  name: string,
  def: number,
  min: number | bigint,
  max: number | bigint,
  extra: Partial<Param> = {},
): Param {
  return { name, kind: { t: "int", min, max }, value: String(def), ...extra };
}
function mem(
  name: string,
  def: number,
  min: number,
  max: number | bigint,
  extra: Partial<Param> = {},
): Param {
  return { name, kind: { t: "mem", min, max }, value: String(def), ...extra };
}
function str(name: string, def: string, extra: Partial<Param> = {}): Param {
  return { name, kind: { t: "string" }, value: def, ...extra };
}
function en(name: string, def: string, values: string[], extra: Partial<Param> = {}): Param {
  return { name, kind: { t: "enum", values }, value: def, ...extra };
}

const NOTIFY_CLASSES = "Ag$lshzxeKEtmdn";

/** keyspaceEventsStringToFlags/flagsToString: validates and normalizes notify-keyspace-events. */
function checkNotify(v: string): string | { value: string } {
  const order = "g$lshzxetmdnKE"; // the order Redis prints classes in
  const set = new Set<string>();
  for (const ch of v) {
    if (!NOTIFY_CLASSES.includes(ch)) return `Invalid event class character. Use '${NOTIFY_CLASSES}'.`;
    if (ch === "A") for (const x of "g$lshzxetd") set.add(x);
    else set.add(ch);
  }
  let out = "";
  const all = [..."g$lshzxetd"].every((x) => set.has(x));
  if (all) out += "A";
  for (const ch of order) {
    if (all && "g$lshzxetd".includes(ch)) continue;
    if (set.has(ch)) out += ch;
  }
  return { value: out };
}

function checkSave(v: string): string | { value: string } {
  const parts = v.split(" ").filter((x) => x !== "");
  if (parts.length % 2 !== 0) return "Invalid save parameters";
  for (const p of parts) if (!/^\d+$/.test(p)) return "Invalid save parameters";
  return { value: parts.join(" ") };
}

function defaults(): Param[] {
  const yesno: [string, boolean][] = [
    ["activedefrag", false],
    ["activerehashing", true],
    ["always-show-logo", false],
    ["aof-disable-auto-gc", false],
    ["aof-load-truncated", true],
    ["aof-rewrite-incremental-fsync", true],
    ["aof-timestamp-enabled", false],
    ["aof-use-rdb-preamble", true],
    ["appendonly", false],
    ["cluster-allow-pubsubshard-when-down", true],
    ["cluster-allow-reads-when-down", false],
    ["cluster-allow-replica-migration", true],
    ["cluster-enabled", false],
    ["crash-log-enabled", true],
    ["crash-memcheck-enabled", true],
    ["daemonize", false],
    ["disable-thp", true],
    ["dynamic-hz", true],
    ["io-threads-do-reads", false],
    ["jemalloc-bg-thread", true],
    ["latency-tracking", true],
    ["lazyfree-lazy-eviction", false],
    ["lazyfree-lazy-expire", false],
    ["lazyfree-lazy-server-del", false],
    ["lazyfree-lazy-user-del", false],
    ["lazyfree-lazy-user-flush", false],
    ["no-appendfsync-on-rewrite", false],
    ["protected-mode", true],
    ["rdb-del-sync-files", false],
    ["rdb-save-incremental-fsync", true],
    ["rdbchecksum", true],
    ["rdbcompression", true],
    ["repl-disable-tcp-nodelay", false],
    ["repl-diskless-sync", true],
    ["replica-announced", true],
    ["replica-ignore-disk-write-errors", false],
    ["set-proc-title", true],
    ["stop-writes-on-bgsave-error", true],
    ["syslog-enabled", false],
    ["tls-auth-clients", true],
    ["tls-cluster", false],
    ["tls-prefer-server-ciphers", false],
    ["tls-replication", false],
    ["tls-session-caching", true],
  ];
  const ps: Param[] = yesno.map(([n, d]) => bool(n, d));
  ps.push(
    bool("cluster-replica-no-failover", false, { alias: "cluster-slave-no-failover" }),
    bool("replica-ignore-maxmemory", true, { alias: "slave-ignore-maxmemory" }),
    bool("replica-lazy-flush", false, { alias: "slave-lazy-flush" }),
    bool("replica-read-only", true, { alias: "slave-read-only" }),
    bool("replica-serve-stale-data", true, { alias: "slave-serve-stale-data" }),
    en("enable-debug-command", "no", ["no", "yes", "local"], { immutable: true }),
    en("enable-module-command", "no", ["no", "yes", "local"], { immutable: true }),
    en("enable-protected-configs", "no", ["no", "yes", "local"], { immutable: true }),
    en("acl-pubsub-default", "resetchannels", ["allchannels", "resetchannels"]),
    en("appendfsync", "everysec", ["always", "everysec", "no"]),
    en("cluster-preferred-endpoint-type", "ip", ["ip", "hostname", "unknown-endpoint"]),
    en("loglevel", "notice", ["debug", "verbose", "notice", "warning"]),
    en("maxmemory-policy", "noeviction", [
      "volatile-lru",
      "volatile-lfu",
      "volatile-random",
      "volatile-ttl",
      "allkeys-lru",
      "allkeys-lfu",
      "allkeys-random",
      "noeviction",
    ]),
    en("oom-score-adj", "no", ["no", "yes", "relative", "absolute"]),
    en("propagation-error-behavior", "ignore", ["ignore", "panic", "panic-on-replicas"]),
    en("repl-diskless-load", "disabled", ["disabled", "on-empty-db", "swapdb"]),
    en("sanitize-dump-payload", "no", ["no", "yes", "clients"]),
    en("shutdown-on-sigint", "default", ["default", "save", "nosave", "now", "force"]),
    en("shutdown-on-sigterm", "default", ["default", "save", "nosave", "now", "force"]),
    en("supervised", "no", ["upstart", "systemd", "auto", "no"], { immutable: true }),
    en(
      "syslog-facility",
      "local0",
      ["user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"],
      {
        immutable: true,
      },
    ),
    int("acllog-max-len", 128, 0, LMAX),
    int("active-defrag-cycle-max", 25, 1, 99),
    int("active-defrag-cycle-min", 1, 1, 99),
    mem("active-defrag-ignore-bytes", 104857600, 1, LMAX),
    int("active-defrag-max-scan-fields", 1000, 1, LMAX),
    int("active-defrag-threshold-lower", 10, 0, 1000),
    int("active-defrag-threshold-upper", 100, 0, 1000),
    int("active-expire-effort", 1, 1, 10),
    mem("auto-aof-rewrite-min-size", 67108864, 0, LMAX),
    int("auto-aof-rewrite-percentage", 100, 0, I32),
    int("busy-reply-threshold", 5000, 0, LMAX, { alias: "lua-time-limit" }),
    mem("client-query-buffer-limit", 1073741824, 1024 * 1024, LMAX),
    int("cluster-announce-bus-port", 0, 0, 65535),
    int("cluster-announce-port", 0, 0, 65535),
    int("cluster-announce-tls-port", 0, 0, 65535),
    mem("cluster-link-sendbuf-limit", 0, 0, LMAX),
    int("cluster-migration-barrier", 1, 0, I32),
    int("cluster-node-timeout", 15000, 0, LMAX),
    int("cluster-port", 0, 0, 65535, { immutable: true }),
    int("cluster-replica-validity-factor", 10, 0, I32, { alias: "cluster-slave-validity-factor" }),
    int("databases", 16, 1, I32, { immutable: true }),
    int("hash-max-listpack-entries", 512, 0, LMAX, { alias: "hash-max-ziplist-entries" }),
    mem("hash-max-listpack-value", 64, 0, LMAX, { alias: "hash-max-ziplist-value" }),
    int("hll-sparse-max-bytes", 3000, 0, LMAX),
    int("hz", 10, 0, I32),
    int("io-threads", 1, 1, 128, { immutable: true }),
    int("latency-monitor-threshold", 0, 0, LMAX),
    int("lfu-decay-time", 1, 0, I32),
    int("lfu-log-factor", 10, 0, I32),
    int("list-compress-depth", 0, 0, I32),
    int("list-max-listpack-size", -2, -I32 - 1, I32, { alias: "list-max-ziplist-size" }),
    int("maxclients", 10000, 1, U32),
    mem("maxmemory", 0, 0, LMAX),
    mem("maxmemory-clients", 0, 0, LMAX),
    int("maxmemory-eviction-tenacity", 10, 0, 100),
    int("maxmemory-samples", 5, 1, 64),
    int("min-replicas-max-lag", 10, 0, I32, { alias: "min-slaves-max-lag" }),
    int("min-replicas-to-write", 0, 0, I32, { alias: "min-slaves-to-write" }),
    int("port", 6379, 0, 65535),
    mem("proto-max-bulk-len", 536870912, 1024 * 1024, LMAX),
    mem("repl-backlog-size", 1048576, 1, LMAX),
    int("repl-backlog-ttl", 3600, 0, I32),
    int("repl-diskless-sync-delay", 5, 0, I32),
    int("repl-diskless-sync-max-replicas", 0, 0, I32),
    int("repl-ping-replica-period", 10, 1, I32, { alias: "repl-ping-slave-period" }),
    int("repl-timeout", 60, 1, I32),
    int("replica-announce-port", 0, 0, 65535, { alias: "slave-announce-port" }),
    int("replica-priority", 100, 0, I32, { alias: "slave-priority" }),
    int("set-max-intset-entries", 512, 0, LMAX),
    int("shutdown-timeout", 10, 0, I32),
    int("slowlog-log-slower-than", 10000, -1, LMAX),
    int("slowlog-max-len", 128, 0, LMAX),
    int("socket-mark-id", 0, 0, U32),
    mem("stream-node-max-bytes", 4096, 0, LMAX),
    int("stream-node-max-entries", 100, 0, LMAX),
    int("tcp-backlog", 511, 0, I32, { immutable: true }),
    int("tcp-keepalive", 300, 0, I32),
    int("timeout", 0, 0, I32),
    int("tls-port", 0, 0, 65535),
    int("tls-session-cache-size", 20480, 0, I32),
    int("tls-session-cache-timeout", 300, 0, I32),
    int("tracking-table-max-keys", 1000000, 0, LMAX),
    int("unixsocketperm", 0, 0, 777, { immutable: true }),
    int("zset-max-listpack-entries", 128, 0, LMAX, { alias: "zset-max-ziplist-entries" }),
    mem("zset-max-listpack-value", 64, 0, LMAX, { alias: "zset-max-ziplist-value" }),
    str("aclfile", "", { immutable: true }),
    str("aof_rewrite_cpulist", "", { immutable: true }),
    str("appenddirname", "appendonlydir", { immutable: true }),
    str("appendfilename", "appendonly.aof", { immutable: true }),
    str("bgsave_cpulist", "", { immutable: true }),
    str("bind", "* -::*"),
    str("bind-source-addr", ""),
    str("bio_cpulist", "", { immutable: true }),
    str("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"),
    str("cluster-announce-hostname", ""),
    str("cluster-announce-ip", ""),
    str("cluster-config-file", "nodes.conf", { immutable: true }),
    str("dbfilename", "dump.rdb"),
    str("dir", process.cwd()),
    str("ignore-warnings", ""),
    str("latency-tracking-info-percentiles", "50 99 99.9"),
    str("logfile", "", { immutable: true }),
    str("masterauth", ""),
    str("masteruser", ""),
    { name: "notify-keyspace-events", kind: { t: "special" }, value: "", check: checkNotify },
    str("oom-score-adj-values", "0 200 800"),
    str("pidfile", "", { immutable: true }),
    str("proc-title-template", "{title} {listen-addr} {server-mode}"),
    str("replica-announce-ip", "", { alias: "slave-announce-ip" }),
    str("replicaof", "", { alias: "slaveof", immutable: true }),
    str("requirepass", ""),
    { name: "save", kind: { t: "special" }, value: "3600 1 300 100 60 10000", check: checkSave },
    str("server_cpulist", "", { immutable: true }),
    str("syslog-ident", "redis", { immutable: true }),
    str("tls-ca-cert-dir", ""),
    str("tls-ca-cert-file", ""),
    str("tls-cert-file", ""),
    str("tls-ciphers", ""),
    str("tls-ciphersuites", ""),
    str("tls-client-cert-file", ""),
    str("tls-client-key-file", ""),
    str("tls-client-key-file-pass", ""),
    str("tls-dh-params-file", ""),
    str("tls-key-file", ""),
    str("tls-key-file-pass", ""),
    str("tls-protocols", ""),
    str("unixsocket", "", { immutable: true }),
  );
  return ps;
}

/** memtoull: "1gb", "10k", "5mb"… -> bytes, or undefined. */
export function parseMemory(v: string): bigint | undefined {
  const m = /^(-?\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v);
  if (!m) return undefined;
  const mul: Record<string, bigint> = {
    b: 1n,
    k: 1000n,
    kb: 1024n,
    m: 1000n * 1000n,
    mb: 1024n * 1024n,
    g: 1000n * 1000n * 1000n,
    gb: 1024n * 1024n * 1024n,
  };
  return BigInt(m[1]) * mul[(m[2] ?? "b").toLowerCase()];
}

export class ConfigError extends Error {}

/** The live configuration. `get*` accessors are cheap; `onChange` lets modules react to CONFIG SET. */
export class Config {
  private readonly params = new Map<string, Param>();
  private readonly listeners: ((name: string, value: string) => void)[] = [];
  /** Hot values, kept as numbers for the executor and protocol layer. */
  requirepass = "";
  protoMaxBulkLen = 536870912;
  maxmemory = 0;
  maxclients = 10000;
  hz = 10;
  busyReplyThreshold = 5000;
  clientQueryBufferLimit = 1073741824;

  constructor() {
    for (const p of defaults()) {
      this.params.set(p.name, p);
      if (p.alias) this.params.set(p.alias, p);
    }
  }

  onChange(f: (name: string, value: string) => void): void {
    this.listeners.push(f);
  }

  /** The canonical value of a parameter, or undefined if unknown. */
  get(name: string): string | undefined {
    return this.params.get(name.toLowerCase())?.value;
  }

  /** CONFIG GET: name/value pairs (aliases included) matching any pattern, each once. */
  getMatching(patterns: string[]): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const pat of patterns) {
      const exact = this.params.get(pat.toLowerCase());
      if (!/[*?[]/.test(pat) && exact) {
        // An exact name is echoed as given (CONFIG GET MAXMEMORY answers "MAXMEMORY").
        if (!seen.has(pat.toLowerCase())) {
          seen.add(pat.toLowerCase());
          out.push(pat, exact.value);
        }
        continue;
      }
      for (const [name, p] of this.params) {
        if (seen.has(name) || !globMatch(pat, name, true)) continue;
        seen.add(name);
        out.push(name, p.value);
      }
    }
    return out;
  }

  /** Validates one value; returns the normalized value or throws ConfigError with Redis's reason. */
  private validate(p: Param, v: string, startup: boolean): string {
    if (p.immutable && !startup) throw new ConfigError("can't set immutable config");
    const k = p.kind;
    switch (k.t) {
      case "bool": {
        const l = v.toLowerCase();
        if (l !== "yes" && l !== "no") throw new ConfigError("argument must be 'yes' or 'no'");
        return l;
      }
      case "int":
      case "mem": {
        let n: bigint | undefined;
        if (k.t === "mem") {
          n = parseMemory(v);
          if (n === undefined) throw new ConfigError("argument must be a memory value");
        } else {
          if (!/^-?\d+$/.test(v)) throw new ConfigError("argument couldn't be parsed into an integer");
          n = BigInt(v);
        }
        if (k.t === "mem" && n < 0n) throw new ConfigError("argument must be a memory value");
        if (n < BigInt(k.min) || n > BigInt(k.max)) {
          throw new ConfigError(`argument must be between ${k.min} and ${k.max} inclusive`);
        }
        if (p.name === "hz") n = n < 1n ? 1n : n > 500n ? 500n : n;
        return String(n);
      }
      case "enum": {
        const l = v.toLowerCase();
        if (!k.values.includes(l)) {
          throw new ConfigError(`argument(s) must be one of the following: ${k.values.join(", ")}`);
        }
        return l;
      }
      case "string":
        return v;
      case "special": {
        const r = p.check!(v);
        if (typeof r === "string") throw new ConfigError(r);
        return r ? r.value : v;
      }
    }
  }

  /**
   * CONFIG SET with pairs: all-or-nothing. Returns an error text (without "ERR ") or undefined.
   */
  setMany(pairs: [string, string][], startup = false): string | undefined {
    const seen = new Set<Param>();
    const staged: [Param, string][] = [];
    for (const [name, v] of pairs) {
      const p = this.params.get(name.toLowerCase());
      if (!p) return `Unknown option or number of arguments for CONFIG SET - '${name}'`;
      if (seen.has(p))
        return `CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`;
      seen.add(p);
      try {
        staged.push([p, this.validate(p, v, startup)]);
      } catch (e) {
        if (e instanceof ConfigError) {
          return `CONFIG SET failed (possibly related to argument '${name}') - ${e.message}`;
        }
        throw e;
      }
    }
    for (const [p, v] of staged) this.apply(p, v);
    return undefined;
  }

  /** Sets one parameter at startup (config file / command line); throws ConfigError. */
  setStartup(name: string, v: string): void {
    const p = this.params.get(name.toLowerCase());
    if (!p) throw new ConfigError(`Bad directive or wrong number of arguments`);
    this.apply(p, this.validate(p, v, true));
  }

  has(name: string): boolean {
    return this.params.has(name.toLowerCase());
  }

  private apply(p: Param, v: string): void {
    p.value = v;
    switch (p.name) {
      case "requirepass":
        this.requirepass = v;
        break;
      case "proto-max-bulk-len":
        this.protoMaxBulkLen = Number(v);
        break;
      case "maxmemory":
        this.maxmemory = Number(v);
        break;
      case "maxclients":
        this.maxclients = Number(v);
        break;
      case "hz":
        this.hz = Number(v);
        break;
      case "busy-reply-threshold":
        this.busyReplyThreshold = Number(v);
        break;
      case "client-query-buffer-limit":
        this.clientQueryBufferLimit = Number(v);
        break;
    }
    for (const f of this.listeners) f(p.name, v);
  }
}
