import { Module } from '@nestjs/common';
import { NotificationsModule } from '@referloop/notifications';
import { WebhookDeliveryRepository } from './delivery/webhook-delivery.repository';
import { WebhookRelay } from './delivery/webhook-relay';
import { WebhookSender } from './delivery/webhook-sender';
import { WebhookEndpointRepository } from './endpoints/webhook-endpoint.repository';
import { WebhookEndpointsResolver } from './endpoints/webhook-endpoints.resolver';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookSecretBox } from './webhook-secret-box';

/** The worker's part: attempts, their records and retries, and the relay. */
@Module({
  imports: [NotificationsModule],
  providers: [WebhookSecretBox, WebhookDeliveryRepository, WebhookSender, WebhookRelay],
  exports: [WebhookSender, WebhookRelay],
})
export class WebhookDeliveryModule {}

/** The gateway's part: clinic admins' endpoints. */
@Module({
  imports: [NotificationsModule],
  providers: [WebhookSecretBox, WebhookEndpointRepository, WebhookEndpointsService, WebhookEndpointsResolver],
})
export class WebhooksApiModule {}
