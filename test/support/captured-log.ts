/** One JSON line the gateway logged (pino's fields: level, msg, context…). */
export type LogLine = Record<string, unknown> & { level: number };

/** pino's level for errors (and fatal above it). */
const ERROR_LEVEL = 50;

/**
 * The gateway's log, kept in memory: pass `stream` as its logStream. pino writes each line
 * synchronously, so a line logged while a request was answered is here once its answer is.
 */
export class CapturedLog {
  private readonly lines: LogLine[] = [];

  readonly stream = {
    write: (chunk: string): void => {
      for (const text of chunk.split('\n')) if (text.trim() !== '') this.lines.push(JSON.parse(text) as LogLine);
    },
  };

  /** Where the log ends now, to read what comes after with `errorsSince`. */
  mark(): number {
    return this.lines.length;
  }

  /** Every line written since `mark`. */
  linesSince(mark: number): LogLine[] {
    return this.lines.slice(mark);
  }

  /** The error lines written since `mark`. */
  errorsSince(mark: number): LogLine[] {
    return this.lines.slice(mark).filter((line) => line.level >= ERROR_LEVEL);
  }
}
