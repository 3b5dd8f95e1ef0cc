import { Injectable } from '@nestjs/common';
import { LinkSigner, SecretBox } from '@referloop/notifications';

/** Endpoints' signing secrets, sealed: the worker must read them to sign, a copy of the database must not. */
@Injectable()
export class WebhookSecretBox extends SecretBox {
  constructor(signer: LinkSigner) {
    super(signer, 'webhook-secret-key');
  }
}
