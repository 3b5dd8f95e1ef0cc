import { Logger } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Actor, Audit, AuditTrail, CurrentActor, isPlatformAdmin, PageArgs, pageRequest, toConnection, type Connection } from '@referloop/common';
import { ErrorReason, forbidden, invalidTransition, notFound } from '@referloop/core';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { NotificationStatus } from './notification.enums';
import { Notification, NotificationConnection, toNotification } from './notification.model';
import { NotificationRepository } from './notification.repository';

@InputType()
export class RetryNotificationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id!: string;
}

function requireAdmin(actor: Actor): void {
  if (!isPlatformAdmin(actor)) throw forbidden('Only platform admins manage failed notifications', ErrorReason.NOT_YOUR_ROLE);
}

/** The operator's view of emails that could not be delivered, and the way to try again. */
@Resolver(() => Notification)
export class NotificationsAdminResolver {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobQueues,
  ) {}

  @Query(() => NotificationConnection, { description: 'Notifications whose every attempt failed, newest first. Platform admins only.' })
  async failedNotifications(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args({ type: () => PageArgs }) args: PageArgs): Promise<Connection<Notification>> {
    requireAdmin(actor);
    const page = pageRequest(args);
    const rows = await this.notifications.failed(page.limit + 1, page.after);
    const keyed = rows.map((row) => ({ ...row, createdAt: row.created_at }));
    return toConnection(keyed, page, this.notifications.countFailed(), (row) => {
      if (row.referral_id !== null) audit.touchReferral(row.referral_id, row.referring_clinic_id, row.to_clinic_id);
      return toNotification(row);
    });
  }

  @Mutation(() => Notification, { description: 'Sends a FAILED notification again, with a fresh round of attempts. Platform admins only.' })
  async retryNotification(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('input', { type: () => RetryNotificationInput }) input: RetryNotificationInput,
  ): Promise<Notification> {
    requireAdmin(actor);
    const row = await this.notifications.requeueFailed(input.id);
    if (!row) {
      const existing = await this.notifications.findById(input.id);
      if (!existing) throw notFound('Notification');
      throw invalidTransition(`Only a FAILED notification can be retried; this one is ${existing.status}`, ErrorReason.NOT_FROM_THIS_STATUS);
    }
    if (row.referral_id !== null) audit.touchReferral(row.referral_id, row.referring_clinic_id, row.to_clinic_id);
    // Committed as PENDING first: if this enqueue fails, the relay picks the row up.
    await this.jobs.ensure(jobRequest(JobName.SEND_NOTIFICATION, { notificationId: row.id })).catch((error: unknown) => {
      this.logger.warn(`Notification ${row.id} is PENDING again but not queued yet (the relay will): ${(error as Error).message}`);
    });
    return toNotification({ ...row, status: NotificationStatus.PENDING });
  }
}
