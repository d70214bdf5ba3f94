// CLI entry: dispatches `redlua run|compile|server` to their modules, loading only the
// one that runs (start-up time counts for `redlua run`).

const USAGE = `usage: redlua <command> [options]

commands:
  run FILE.lua [args...]                 run a Lua 5.1 file as lua5.1 would
  compile FILE.lua [-o OUT.js] [--source-map]
                                         write the JavaScript a Lua file compiles to
  server [--port 6379] [--bind 127.0.0.1] [--requirepass PASS] [--config FILE]
                                         start the Redis-compatible server
`;

export async function main(argv: string[]): Promise<number | void> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "run":
      return (await import("./run.js")).runCommand(rest);
    case "compile":
      return (await import("./compile.js")).compileCommand(rest);
    case "server": {
      const serverModule = "./server.js"; // built by the server package; resolved at run time
      const mod = (await import(serverModule)) as {
        main(argv: string[]): Promise<number | void> | number | void;
      };
      return mod.main(rest);
    }
    case undefined:
    case "-h":
    case "--help":
    case "help":
      process.stdout.write(USAGE);
      return cmd === undefined ? 1 : 0;
    default:
      process.stderr.write(`redlua: unknown command '${cmd}'\n${USAGE}`);
      return 1;
  }
}
