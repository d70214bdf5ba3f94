// Log lines in Redis's format: "pid:role DD Mon YYYY HH:MM:SS.mmm <level> message", where the
// level mark is '.' debug, '-' verbose, '*' notice, '#' warning. Writes to stdout or a logfile.

import fs from "node:fs";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LEVELS: Record<string, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };
const MARKS = [".", "-", "*", "#"];

let level = 2;
let file: string | undefined;
let quiet = false;

/** Configures logging (loglevel, logfile; "" = stdout). `silent` turns logging off (tests). */
export function configureLog(opts: { level?: string; file?: string; silent?: boolean }): void {
  if (opts.level !== undefined && opts.level in LEVELS) level = LEVELS[opts.level];
  if (opts.file !== undefined) file = opts.file === "" ? undefined : opts.file;
  if (opts.silent !== undefined) quiet = opts.silent;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Formats one log line (exported for tests). */
export function formatLogLine(
  mark: string,
  msg: string,
  d = new Date(),
  pid = process.pid,
  role = "M",
): string {
  const ts = `${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  return `${pid}:${role} ${ts} ${mark} ${msg}\n`;
}

/** Logs `msg` at the level of `mark` ('.', '-', '*', '#'); role 'C' before the server runs. */
export function log(mark: "." | "-" | "*" | "#", msg: string, role = "M"): void {
  if (quiet || MARKS.indexOf(mark) < level) return;
  const line = formatLogLine(mark, msg, new Date(), process.pid, role);
  if (file) fs.appendFileSync(file, line);
  else process.stdout.write(line);
}
