import { Actor } from './actor';
import { AuditTrail } from './audit-trail';
import { Loaders } from './batch-loader';

/** The GraphQL context of one HTTP request. */
export interface RequestContext {
  authorization: string | undefined;
  ipAddress: string | null;
  /** Set by the auth guard once the bearer token is verified. */
  actor?: Actor;
  audit: AuditTrail;
  loaders: Loaders;
}
