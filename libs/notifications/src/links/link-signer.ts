import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, isUuid } from '@referloop/core';

export interface PatientLink {
  patientId: string;
  referralId: string;
}

const SECRET_NAME = 'patient-link-signing-key';

/**
 * Signed, expiring tokens for the links in patient emails: one per patient and referral, good
 * for both the status page and unsubscribing. The token is `referralId.patientId.expiry.mac`;
 * anything altered, expired or malformed verifies as null, and callers answer a plain 404.
 */
@Injectable()
export class LinkSigner {
  private key?: Promise<Buffer>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async sign(link: PatientLink, now = new Date()): Promise<string> {
    const expires = Math.floor(now.getTime() / 1000) + this.config.links.ttlDays * 86_400;
    const body = `${link.referralId}.${link.patientId}.${expires}`;
    return `${body}.${this.mac(await this.signingKey(), body)}`;
  }

  async verify(token: string, now = new Date()): Promise<PatientLink | null> {
    const parts = token.split('.');
    if (parts.length !== 4) return null;
    const [referralId, patientId, expires, mac] = parts;
    if (!isUuid(referralId) || !isUuid(patientId) || !/^\d{1,12}$/.test(expires)) return null;
    const expected = Buffer.from(this.mac(await this.signingKey(), `${referralId}.${patientId}.${expires}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(expires) * 1000 <= now.getTime()) return null;
    return { referralId, patientId };
  }

  statusUrl(token: string): string {
    return `${this.config.links.publicUrl}/status/${token}`;
  }

  unsubscribeUrl(token: string): string {
    return `${this.config.links.publicUrl}/unsubscribe/${token}`;
  }

  /**
   * A MAC of `body` under the same key for another kind of link, kept apart from patient links
   * (and from each other) by `purpose`.
   */
  async macFor(purpose: string, body: string): Promise<string> {
    return this.mac(await this.signingKey(), `${purpose}:${body}`);
  }

  private mac(key: Buffer, body: string): string {
    return createHmac('sha256', key).update(body).digest('base64url');
  }

  /**
   * LINK_SECRET when configured; otherwise a random key made once and kept in the database, so
   * every gateway and worker replica signs and checks with the same key across restarts.
   */
  private signingKey(): Promise<Buffer> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<Buffer> {
    if (this.config.links.secret) return Buffer.from(this.config.links.secret);
    await this.db.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      SECRET_NAME,
      randomBytes(32).toString('base64url'),
    ]);
    const rows: { value: string }[] = await this.db.query('SELECT value FROM app_secrets WHERE name = $1', [SECRET_NAME]);
    return Buffer.from(rows[0].value);
  }
}
