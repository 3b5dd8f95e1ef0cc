import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { canComposeDirectly, composeMime, PlainAddress, plainAddress } from './mime-message';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per notification, so a duplicate sent after a crash is recognisable downstream. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Accepted {
  messageId: string;
  /** What the server said on acceptance (its queue id, usually); the file for the mailbox folder. */
  response: string;
}

/**
 * Sends through SMTP with pooled connections when SMTP_URL is set. Without it, each email is
 * written as an .eml file (named after its Message-ID) into MAIL_DIR, so a fresh checkout runs
 * without a mail server and a developer can open what would have been sent.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;
  private readonly mailbox: string | null;
  /** MAIL_FROM as written into every header, parsed once; null when it needs nodemailer's encoding. */
  private readonly from: PlainAddress | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl, maxConnections, dir } = config.mail;
    this.mailbox = smtpUrl ? null : resolve(dir);
    this.from = plainAddress(config.mail.from);
    this.transport = smtpUrl
      ? createTransport({ url: smtpUrl, pool: true, maxConnections, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  /** The Message-ID for a notification: its id at the sending domain. */
  messageIdFor(notificationId: string): string {
    return `<${notificationId}@${this.senderDomain()}>`;
  }

  async send(email: OutgoingEmail): Promise<Accepted> {
    // Composed into one buffer first: streamed part by part, nodemailer writes the message to
    // the socket in hundreds of small pieces, which cost more than composing
    // (docs/performance-history.md).
    const { raw, envelope } = await this.compose(email);
    if (!this.transport) {
      const file = join(this.mailbox as string, `${email.messageId.replace(/[<>]/g, '')}.eml`);
      await mkdir(this.mailbox as string, { recursive: true });
      await writeFile(file, raw);
      return { messageId: email.messageId, response: `written to ${file}` };
    }
    const info = await this.transport.sendMail({ envelope, raw, messageId: email.messageId });
    return { messageId: email.messageId, response: String(info.response ?? '') };
  }

  /**
   * Nearly every email (ASCII addresses, our own headers) is written directly by composeMime,
   * which costs a fraction of nodemailer's general composer; the rest still goes through it.
   */
  private async compose(email: OutgoingEmail): Promise<{ raw: Buffer; envelope: { from: string; to: string[] } }> {
    if (this.from !== null && canComposeDirectly(email)) {
      return { raw: composeMime({ ...email, from: this.from }), envelope: { from: this.from.address, to: [email.to] } };
    }
    const message = new MailComposer({
      from: this.config.mail.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      headers: email.headers,
    }).compile();
    const envelope = message.getEnvelope();
    return { raw: await message.build(), envelope: { from: envelope.from || '', to: envelope.to } };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private senderDomain(): string {
    const match = /@([^>\s]+)>?\s*$/.exec(this.config.mail.from);
    return match ? match[1] : 'referloop.localhost';
  }
}
