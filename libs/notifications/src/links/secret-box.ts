import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { LinkSigner } from './link-signer';

const VERSION = 'v1';

/**
 * Secrets the service must read back (an authenticator's, a webhook endpoint's signing secret)
 * are kept encrypted (AES-256-GCM) under a key derived from LINK_SECRET for one `purpose`
 * (required in production, and then never in the database): a copy of the database alone gives
 * nobody the secrets. Stored as `v1.<iv>.<ciphertext>.<tag>`, base64url.
 */
export class SecretBox {
  private key?: Promise<Buffer>;

  constructor(
    private readonly signer: LinkSigner,
    private readonly purpose: string,
  ) {}

  async seal(secret: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.keyOf(), iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, sealed, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  async open(stored: string): Promise<string> {
    const [version, iv, sealed, tag] = stored.split('.');
    if (version !== VERSION || !iv || !sealed || !tag) throw new Error(`Not a sealed ${this.purpose}`);
    const decipher = createDecipheriv('aes-256-gcm', await this.keyOf(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }

  private keyOf(): Promise<Buffer> {
    this.key ??= this.signer.macFor(this.purpose, VERSION).then(
      (mac) => Buffer.from(mac, 'base64url'),
      (error: unknown) => {
        // Asked again next time: the key is read from the database when LINK_SECRET is unset.
        this.key = undefined;
        throw error;
      },
    );
    return this.key;
  }
}
