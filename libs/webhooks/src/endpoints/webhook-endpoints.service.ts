import { Inject, Injectable } from '@nestjs/common';
import { Actor, Connection, isPlatformAdmin, PageRequest, toConnection, UserRole } from '@referloop/common';
import { APP_CONFIG, AppConfig, badInput, ErrorReason, forbidden, notFound } from '@referloop/core';
import { JobQueues } from '@referloop/jobs';
import { webhookJobs } from '@referloop/notifications';
import { checkTargetUrl, TargetRefused } from '../target-guard';
import { WebhookSecretBox } from '../webhook-secret-box';
import { newWebhookSecret } from '../webhook-signature';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook-endpoint.inputs';
import { WebhookAttempt, WebhookEndpoint, WebhookEndpointWithSecret } from './webhook-endpoint.model';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { wireNameOf } from './webhook-event-type';

/** After a rotation the previous secret signs too, for this long, so receivers can move over. */
const PREVIOUS_SECRET_HOURS = 24;

/**
 * The clinic whose endpoints the actor manages: their own for a clinic admin, every clinic
 * (null) for a platform admin; nobody else manages any.
 */
function managedScope(actor: Actor): string | null {
  if (isPlatformAdmin(actor)) return null;
  if (actor.role !== UserRole.CLINIC_ADMIN || actor.clinicId === null) throw forbidden('Only admins manage webhook endpoints', ErrorReason.NOT_YOUR_ROLE);
  return actor.clinicId;
}

/**
 * Clinic admins' webhook endpoints: registering one (its secret shown once), changing, turning
 * off and on, deleting, rotating the secret, the attempts made, and sending events again.
 * Another clinic's endpoint is NOT_FOUND, as if it did not exist.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly box: WebhookSecretBox,
    private readonly jobs: JobQueues,
  ) {}

  async create(actor: Actor, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
    const scope = managedScope(actor);
    const clinicId = scope ?? input.clinicId;
    if (!clinicId) throw badInput('input.clinicId', 'clinicId is required: the clinic whose events the endpoint receives');
    if (scope !== null && input.clinicId && input.clinicId !== scope) throw forbidden('Clinic admins register endpoints for their own clinic only', ErrorReason.NOT_YOUR_CLINIC);
    const url = this.checkedUrl(input.url);
    const secret = newWebhookSecret();
    const endpoint = await this.endpoints
      .insert({ clinicId, url, description: input.description?.trim() ?? '', events: input.events.map(wireNameOf), secretCiphertext: await this.box.seal(secret), createdBy: actor.userId })
      .catch((error: unknown) => {
        // The only foreign key a caller chooses: a platform admin's clinicId.
        if ((error as { code?: string }).code === '23503') throw notFound('Clinic');
        throw error;
      });
    return { endpoint, secret };
  }

  async list(actor: Actor, clinicId: string | null, page: PageRequest): Promise<Connection<WebhookEndpoint>> {
    const scope = managedScope(actor);
    const rows = await this.endpoints.page(scope, clinicId, page.limit + 1, page.after);
    return toConnection(rows, page, this.endpoints.count(scope, clinicId), (row) => row);
  }

  async get(actor: Actor, id: string): Promise<WebhookEndpoint> {
    return this.found(await this.endpoints.find(managedScope(actor), id));
  }

  async update(actor: Actor, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    const scope = managedScope(actor);
    const url = input.url === undefined || input.url === null ? undefined : this.checkedUrl(input.url);
    const events = input.events?.map(wireNameOf);
    return this.found(await this.endpoints.update(scope, input.id, { url, events, description: input.description?.trim() }));
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookEndpoint> {
    return this.found(await this.endpoints.setEnabled(managedScope(actor), id, enabled));
  }

  async delete(actor: Actor, id: string): Promise<true> {
    if (!(await this.endpoints.delete(managedScope(actor), id))) throw notFound('Webhook endpoint');
    return true;
  }

  async rotateSecret(actor: Actor, id: string): Promise<WebhookEndpointWithSecret> {
    const secret = newWebhookSecret();
    const endpoint = this.found(await this.endpoints.rotate(managedScope(actor), id, await this.box.seal(secret), PREVIOUS_SECRET_HOURS));
    return { endpoint, secret };
  }

  async attempts(endpoint: WebhookEndpoint, page: PageRequest): Promise<Connection<WebhookAttempt>> {
    const rows = await this.endpoints.attempts(endpoint.id, page.limit + 1, page.after);
    return toConnection(rows, page, this.endpoints.countAttempts(endpoint.id), ({ createdAt: _at, ...attempt }) => attempt);
  }

  /** Sends one event to the endpoint again, from a first attempt, whether it was delivered or not. */
  async resend(actor: Actor, endpointId: string, eventId: string): Promise<true> {
    const endpoint = await this.enabledEndpoint(actor, endpointId, 'input.endpointId');
    const ids = await this.endpoints.redeliver(endpoint.id, { eventId });
    if (ids.length === 0) {
      if (!(await this.endpoints.hasDelivery(endpoint.id, eventId))) throw notFound('Webhook event');
      throw badInput('input.eventId', 'This event is being delivered to the endpoint now: its attempts are under way');
    }
    await this.queue(ids);
    return true;
  }

  /** Sends again every event whose delivery to the endpoint failed, of those since `since`; how many. */
  async recover(actor: Actor, id: string, since: Date): Promise<number> {
    const endpoint = await this.enabledEndpoint(actor, id, 'input.id');
    const ids = await this.endpoints.redeliver(endpoint.id, { failedSince: since });
    await this.queue(ids);
    return ids.length;
  }

  private async enabledEndpoint(actor: Actor, id: string, field: string): Promise<WebhookEndpoint> {
    const endpoint = this.found(await this.endpoints.find(managedScope(actor), id));
    if (!endpoint.enabled) throw badInput(field, 'The endpoint is disabled: enable it first (enableWebhookEndpoint), then send again');
    return endpoint;
  }

  /** Best effort: what Redis does not take now (or holds a finished job of the same id for), the worker's relay queues. */
  private async queue(deliveryIds: readonly string[]): Promise<void> {
    await this.jobs.addBestEffort(webhookJobs(deliveryIds));
  }

  private checkedUrl(raw: string): string {
    try {
      return checkTargetUrl(raw.trim(), { production: this.config.production, allowPrivate: this.config.webhooks.allowPrivateTargets }).toString();
    } catch (error) {
      if (error instanceof TargetRefused) throw badInput('input.url', error.message);
      throw error;
    }
  }

  private found(endpoint: WebhookEndpoint | null): WebhookEndpoint {
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }
}
