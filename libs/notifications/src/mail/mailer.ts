import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@referloop/common';

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
  private readonly transport: Transporter;
  private readonly mailbox: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl, maxConnections, dir } = config.mail;
    this.mailbox = smtpUrl ? null : resolve(dir);
    this.transport = smtpUrl
      ? createTransport({ url: smtpUrl, pool: true, maxConnections, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** The Message-ID for a notification: its id at the sending domain. */
  messageIdFor(notificationId: string): string {
    return `<${notificationId}@${this.senderDomain()}>`;
  }

  async send(email: OutgoingEmail): Promise<Accepted> {
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      headers: email.headers,
    });
    if (this.mailbox) {
      const file = join(this.mailbox, `${email.messageId.replace(/[<>]/g, '')}.eml`);
      await mkdir(this.mailbox, { recursive: true });
      await writeFile(file, info.message as Buffer);
      return { messageId: email.messageId, response: `written to ${file}` };
    }
    return { messageId: info.messageId ?? email.messageId, response: String(info.response ?? '') };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  private senderDomain(): string {
    const match = /@([^>\s]+)>?\s*$/.exec(this.config.mail.from);
    return match ? match[1] : 'referloop.localhost';
  }
}
