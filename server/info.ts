// INFO: builds the sections Redis 7.0 prints (server, clients, memory, persistence, stats,
// replication, cpu, modules, errorstats, cluster, keyspace, commandstats) from the executor's
// state, with the field names clients parse (redis_version, loading, connected_clients…).

import os from "node:os";
import type { Executor } from "./executor.js";
import { eachRunnable, type Command } from "./commands/table.js";
import { scriptingMemoryInfo } from "./scripting/index.js";

export const REDIS_VERSION = "7.0.15";
const RUN_ID = Array.from({ length: 40 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
const REPL_ID = Array.from({ length: 40 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");

const DEFAULT_SECTIONS = [
  "server",
  "clients",
  "memory",
  "persistence",
  "stats",
  "replication",
  "cpu",
  "modules",
  "errorstats",
  "cluster",
  "keyspace",
];

/** bytesToHuman. */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ["K", "M", "G", "T", "P"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

function lines(title: string, fields: [string, string | number][]): string {
  let s = `# ${title}\r\n`;
  for (const [k, v] of fields) s += `${k}:${v}\r\n`;
  return s;
}

function eachCommand(ex: Executor, f: (c: Command) => void): void {
  for (const c of ex.table.commands.values()) eachRunnable(c, f);
}

function section(ex: Executor, name: string, configFile: string): string | undefined {
  const now = Date.now();
  const mem = process.memoryUsage();
  switch (name) {
    case "server":
      return lines("Server", [
        ["redis_version", REDIS_VERSION],
        ["redis_git_sha1", "00000000"],
        ["redis_git_dirty", 0],
        ["redis_build_id", "0"],
        ["redis_mode", "standalone"],
        ["os", `${os.type()} ${os.release()} ${os.machine()}`],
        ["arch_bits", process.arch.includes("64") ? 64 : 32],
        ["monotonic_clock", "POSIX clock_gettime"],
        ["multiplexing_api", "epoll"],
        ["atomicvar_api", "c11-builtin"],
        ["gcc_version", "0.0.0"],
        ["process_id", process.pid],
        ["process_supervised", "no"],
        ["run_id", RUN_ID],
        ["tcp_port", ex.host?.port ?? 0],
        ["server_time_usec", now * 1000],
        ["uptime_in_seconds", Math.floor((now - ex.startTime) / 1000)],
        ["uptime_in_days", Math.floor((now - ex.startTime) / 86400000)],
        ["hz", ex.config.hz],
        ["configured_hz", ex.config.hz],
        ["lru_clock", Math.floor(now / 1000) & 0xffffff],
        ["executable", process.argv[1] ?? ""],
        ["config_file", configFile],
        ["io_threads_active", 0],
      ]);
    case "clients":
      return lines("Clients", [
        ["connected_clients", ex.clients.size],
        ["cluster_connections", 0],
        ["maxclients", ex.config.maxclients],
        ["client_recent_max_input_buffer", 0],
        ["client_recent_max_output_buffer", 0],
        ["blocked_clients", ex.blocking.count + ex.pause.count],
        ["tracking_clients", ex.tracking.clientCount],
        ["clients_in_timeout_table", ex.blocking.timedCount],
      ]);
    case "memory": {
      const used = mem.heapUsed + mem.external;
      const total = os.totalmem();
      return lines("Memory", [
        ["used_memory", used],
        ["used_memory_human", bytesToHuman(used)],
        ["used_memory_rss", mem.rss],
        ["used_memory_rss_human", bytesToHuman(mem.rss)],
        ["used_memory_peak", used],
        ["used_memory_peak_human", bytesToHuman(used)],
        ...scriptingMemoryInfo(ex.scripting, bytesToHuman),
        ["total_system_memory", total],
        ["total_system_memory_human", bytesToHuman(total)],
        ["maxmemory", ex.config.maxmemory],
        ["maxmemory_human", bytesToHuman(ex.config.maxmemory)],
        ["maxmemory_policy", ex.config.get("maxmemory-policy") ?? "noeviction"],
        ["mem_fragmentation_ratio", (mem.rss / Math.max(1, used)).toFixed(2)],
        ["mem_allocator", "libc"],
        ["lazyfree_pending_objects", 0],
      ]);
    }
    case "persistence":
      return lines("Persistence", [
        ["loading", 0],
        ["async_loading", 0],
        ["current_cow_peak", 0],
        ["current_cow_size", 0],
        ["rdb_changes_since_last_save", ex.dirty],
        ["rdb_bgsave_in_progress", 0],
        ["rdb_last_save_time", ex.lastSave],
        ["rdb_last_bgsave_status", "ok"],
        ["rdb_last_bgsave_time_sec", -1],
        ["rdb_current_bgsave_time_sec", -1],
        ["rdb_saves", 0],
        ["aof_enabled", 0],
        ["aof_rewrite_in_progress", 0],
        ["aof_rewrite_scheduled", 0],
        ["aof_last_rewrite_time_sec", -1],
        ["aof_current_rewrite_time_sec", -1],
        ["aof_last_bgrewrite_status", "ok"],
        ["aof_last_write_status", "ok"],
      ]);
    case "stats": {
      const s = ex.stats;
      return lines("Stats", [
        ["total_connections_received", s.totalConnections],
        ["total_commands_processed", s.totalCommands],
        ["instantaneous_ops_per_sec", 0],
        ["total_net_input_bytes", s.netInputBytes],
        ["total_net_output_bytes", s.netOutputBytes],
        ["rejected_connections", s.rejectedConnections],
        ["expired_keys", s.expiredKeys],
        ["evicted_keys", s.evictedKeys],
        ["keyspace_hits", s.keyspaceHits],
        ["keyspace_misses", s.keyspaceMisses],
        ["pubsub_channels", ex.pubsub.channelCount],
        ["pubsub_patterns", ex.pubsub.patternCount],
        ["total_forks", 0],
        ["tracking_total_keys", ex.tracking.totalKeys],
        ["tracking_total_items", ex.tracking.totalItems],
        ["tracking_total_prefixes", ex.tracking.totalPrefixes],
        ["unexpected_error_replies", s.unexpectedErrorReplies],
        ["total_error_replies", s.totalErrorReplies],
      ]);
    }
    case "replication":
      return lines("Replication", [
        ["role", "master"],
        ["connected_slaves", 0],
        ["master_failover_state", "no-failover"],
        ["master_replid", REPL_ID],
        ["master_replid2", "0".repeat(40)],
        ["master_repl_offset", 0],
        ["second_repl_offset", -1],
        ["repl_backlog_active", 0],
        ["repl_backlog_size", 1048576],
        ["repl_backlog_first_byte_offset", 0],
        ["repl_backlog_histlen", 0],
      ]);
    case "cpu": {
      const u = process.cpuUsage();
      return lines("CPU", [
        ["used_cpu_sys", (u.system / 1e6).toFixed(6)],
        ["used_cpu_user", (u.user / 1e6).toFixed(6)],
        ["used_cpu_sys_children", "0.000000"],
        ["used_cpu_user_children", "0.000000"],
      ]);
    }
    case "modules":
      return "# Modules\r\n";
    case "errorstats": {
      const f: [string, string][] = [...ex.stats.errors.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [`errorstat_${k}`, `count=${v}`]);
      return lines("Errorstats", f);
    }
    case "cluster":
      return lines("Cluster", [["cluster_enabled", 0]]);
    case "keyspace": {
      const f: [string, string][] = [];
      for (const db of ex.dbs) {
        if (db.size === 0) continue;
        f.push([`db${db.id}`, `keys=${db.size},expires=${db.expires.size},avg_ttl=${db.avgTtl}`]);
      }
      return lines("Keyspace", f);
    }
    case "commandstats": {
      const f: [string, string][] = [];
      eachCommand(ex, (c) => {
        if (c.calls === 0 && c.rejectedCalls === 0 && c.failedCalls === 0) return;
        f.push([
          `cmdstat_${c.fullname}`,
          `calls=${c.calls},usec=${Math.floor(c.usec)},usec_per_call=${(c.calls === 0 ? 0 : c.usec / c.calls).toFixed(2)},` +
            `rejected_calls=${c.rejectedCalls},failed_calls=${c.failedCalls}`,
        ]);
      });
      return lines("Commandstats", f);
    }
    case "latencystats": {
      const f: [string, string][] = [];
      const percentiles = latencyPercentiles(ex.config.get("latency-tracking-info-percentiles") ?? "");
      eachCommand(ex, (c) => {
        const h = c.latency;
        if (h === undefined || h.total === 0) return;
        f.push([
          `latency_percentiles_usec_${c.fullname}`,
          percentiles.map((p) => `p${p}=${(h.valueAt(p) / 1000).toFixed(3)}`).join(","),
        ]);
      });
      return lines("Latencystats", f);
    }
  }
  return undefined;
}

/** latency-tracking-info-percentiles: the numbers, as "%f" then trimmed of trailing zeros. */
function latencyPercentiles(v: string): number[] {
  return v === "" ? [] : v.split(" ").map(Number);
}

const ALL_ORDER = [
  "server",
  "clients",
  "memory",
  "persistence",
  "stats",
  "replication",
  "cpu",
  "modules",
  "commandstats",
  "errorstats",
  "latencystats",
  "cluster",
  "keyspace",
];

/** The INFO text for the requested sections (none = default), in Redis's fixed section order. */
export function infoText(ex: Executor, args: string[], configFile = ""): string {
  const want = new Set<string>();
  const lower = args.map((a) => a.toLowerCase());
  if (lower.length === 0) lower.push("default");
  for (const a of lower) {
    if (a === "default") for (const d of DEFAULT_SECTIONS) want.add(d);
    else if (a === "all" || a === "everything") {
      for (const d of ALL_ORDER) want.add(d);
    } else want.add(a);
  }
  const out: string[] = [];
  for (const n of ALL_ORDER) {
    if (!want.has(n)) continue;
    const s = section(ex, n, configFile);
    if (s !== undefined) out.push(s);
  }
  return out.join("\r\n");
}
