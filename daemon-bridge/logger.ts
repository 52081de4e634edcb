/** The logging the bridge needs; the host decides where it goes. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs to stderr with a prefix; stdout stays free for the lines scripts parse. */
export function stderrLogger(prefix: string): Logger {
  const write = (level: string, message: string) =>
    process.stderr.write(`${prefix} ${level}: ${message}\n`);
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}

/** For tests and quiet hosts. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
