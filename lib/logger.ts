import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Call sites log request ids, roles, operation names,
 * codes and counts: never argument values, tokens or rows. The redaction list
 * is a second line of defence for fields that must never reach a log.
 */
export function createLogger(level: string, name = "troubled-families", destination?: { write(line: string): void }): Logger {
  const options = {
    name,
    level,
    base: undefined,
    redact: {
      paths: ["authorization", "*.authorization", "headers", "*.headers", "variables", "*.variables", "token", "*.token"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
