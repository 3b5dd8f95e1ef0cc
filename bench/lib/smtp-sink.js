'use strict';
/**
 * A local SMTP server for the notification benchmark: accepts every message, counts them and
 * records, per Message-ID, when it accepted it (just before the 250 reply). It reads only the
 * header block to find the Message-ID and discards the rest, so it costs the shared process
 * as little as an SMTP server can.
 */

const { SMTPServer } = require('smtp-server');
const { HarnessError } = require('./util');

/** Headers beyond this are not searched (nodemailer puts Message-ID among the first lines). */
const HEADER_LIMIT = 64 * 1024;

class SmtpSink {
  constructor() {
    /** Message-ID (without angle brackets) → Date.now() of its first acceptance. */
    this.acceptedAt = new Map();
    this.accepted = 0;
    this.duplicates = 0;
    this.withoutMessageId = 0;
    this.watchers = new Set();
    this.server = null;
    this.port = 0;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // No reverse DNS lookup of 127.0.0.1 for every connection the worker's pool opens.
      disableReverseLookup: true,
      logger: false,
      // Many pooled connections from the worker; the default limit (Infinity) is fine, the
      // socket timeout only has to outlast the quietest phase of a run.
      socketTimeout: 120_000,
      // The worker closes its pool before the sink stops; anything left is cut after 2 s.
      closeTimeout: 2_000,
      onData: (stream, _session, callback) => this.receive(stream, callback),
    });
    this.server.on('error', () => undefined);
    await new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = this.server.server.address().port;
  }

  receive(stream, callback) {
    let head = '';
    let messageId = null;
    let searching = true;
    stream.on('data', (chunk) => {
      if (!searching) return;
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      const block = end >= 0 ? head.slice(0, end) : head;
      const match = /^message-id:[ \t]*<([^>\r\n]+)>/im.exec(block);
      if (match) messageId = match[1];
      if (match || end >= 0 || head.length > HEADER_LIMIT) {
        searching = false;
        head = '';
      }
    });
    stream.on('end', () => {
      this.record(messageId, Date.now());
      callback(null, `accepted as ${this.accepted}`);
    });
  }

  record(messageId, at) {
    this.accepted += 1;
    if (messageId === null) {
      this.withoutMessageId += 1;
    } else if (this.acceptedAt.has(messageId)) {
      this.duplicates += 1;
    } else {
      this.acceptedAt.set(messageId, at);
      for (const watcher of [...this.watchers]) watcher(messageId, at);
    }
  }

  /**
   * Resolves with the acceptance time of the last of `messageIds` to arrive (ids as in the
   * Message-ID header, without brackets), or rejects after `timeoutMs` with how many are missing.
   */
  waitForAll(messageIds, timeoutMs, what) {
    const missing = new Set(messageIds);
    let last = 0;
    for (const id of messageIds) {
      const at = this.acceptedAt.get(id);
      if (at !== undefined) {
        missing.delete(id);
        last = Math.max(last, at);
      }
    }
    if (missing.size === 0) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const watcher = (id, at) => {
        if (!missing.delete(id)) return;
        last = Math.max(last, at);
        if (missing.size > 0) return;
        clearTimeout(timer);
        this.watchers.delete(watcher);
        resolve(last);
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        const error = new HarnessError(`${what}: ${missing.size} of ${messageIds.length} emails not accepted within ${Math.round(timeoutMs / 1000)} s`);
        error.missing = missing.size;
        reject(error);
      }, timeoutMs);
      this.watchers.add(watcher);
    });
  }

  async stop() {
    const server = this.server;
    this.server = null;
    this.watchers.clear();
    if (server) await new Promise((resolve) => server.close(() => resolve()));
  }
}

module.exports = { SmtpSink };
