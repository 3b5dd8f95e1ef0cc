import { Module } from '@nestjs/common';
import { JobsModule } from '@referloop/jobs';
import { OutboxRelay } from './delivery/outbox-relay';
import { NotificationSender } from './delivery/notification-sender';
import { AccountLinkTokens } from './links/account-link-tokens';
import { LinkSigner } from './links/link-signer';
import { PatientLinkService } from './links/patient-link.service';
import { PatientLinksController } from './links/patient-links.controller';
import { Mailer } from './mail/mailer';
import { NotificationRepository } from './notification.repository';
import { NotificationsAdminResolver } from './notifications-admin.resolver';
import { WebhookOutbox } from './webhooks/webhook-outbox';

/** The outboxes (emails, webhooks) and the notification rows: what both the gateway and the worker need. */
@Module({
  imports: [JobsModule],
  providers: [WebhookOutbox, NotificationRepository, LinkSigner, AccountLinkTokens],
  exports: [WebhookOutbox, NotificationRepository, LinkSigner, AccountLinkTokens, JobsModule],
})
export class NotificationsModule {}

/** The gateway's part: patients' link pages and the operator's failed-notification tools. */
@Module({
  imports: [NotificationsModule],
  controllers: [PatientLinksController],
  providers: [PatientLinkService, NotificationsAdminResolver],
})
export class NotificationsApiModule {}

/** The worker's part: rendering, sending and the outbox relay. */
@Module({
  imports: [NotificationsModule],
  providers: [Mailer, NotificationSender, OutboxRelay],
  exports: [NotificationSender, OutboxRelay],
})
export class NotificationDeliveryModule {}
