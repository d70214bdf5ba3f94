// What the benchmarks read of a server process from Linux's /proc: its CPU time, so that a
// figure can say how much work a request cost besides how fast it went (on a shared machine
// the throughput follows the neighbours; the CPU a request takes much less).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

let hz = 0;

/** user + system CPU seconds of a process (all its threads); NaN where /proc can't tell. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
    if (hz === 0) hz = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / hz;
  } catch {
    return NaN;
  }
}
