import { Injectable } from '@nestjs/common';
import { LinkSigner, SecretBox } from '@referloop/notifications';

/** Authenticator secrets, sealed: a copy of the database alone does not give anyone every user's codes. */
@Injectable()
export class TotpSecretBox extends SecretBox {
  constructor(signer: LinkSigner) {
    // The purpose the key has always been derived for: secrets sealed before stay readable.
    super(signer, 'totp-secret-key');
  }
}
