/** Where lines for a person go: standard output, which is a terminal or not. */
export interface Console {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Where to sign in, for the person who started the gateway: plain lines on a terminal (as under
 * `npm start`). Anything else reading standard output (a pipe, a log collector) reads one JSON
 * object per line, and gets the first line, the address, as a log line: never the accounts and
 * their password.
 */
export function announceSignIn(lines: readonly string[], out: Console, log: (message: string) => void): void {
  if (out.isTTY) {
    for (const line of lines) out.write(`${line}\n`);
    return;
  }
  log(lines[0]);
}
