import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError } from "../lib/config.js";
import { DatabaseUnavailableError } from "../lib/db/client.js";

/** A command line's usage text, and a way to stop with a message and exit code 2 when it is misused. */
export function cli(usage: string) {
  const fail = (message: string): never => {
    console.error(`${message}\n\n${usage}`);
    process.exit(2);
  };
  return {
    fail,
    /** Parses `--options`, refusing unknown ones with the usage text. */
    parse<O extends NonNullable<ParseArgsConfig["options"]>>(options: O) {
      try {
        return parseArgs({ options, strict: true, allowPositionals: false }).values;
      } catch (err) {
        return fail((err as Error).message);
      }
    },
  };
}

/** Runs a command's main, printing expected failures (configuration, database) as one clear message. */
export function run(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) console.error(err.message);
    else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`Cannot listen: ${(err as Error).message}. Stop the other process or set PORT (and FAMILIES_PORT ... EVALUATION_PORT).`);
    } else console.error(err);
    process.exit(1);
  });
}
