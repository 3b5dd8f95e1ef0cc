import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionType, DateTime } from '@referloop/common';
import { NotificationSkipReason, NotificationStatus, NotificationTemplate, RecipientKind } from './notification.enums';
import { maskAddress } from './masking';
import { NotificationRow } from './notification.repository';

/** One email the service decided to send, about a referral or an account, and what became of it. */
@ObjectType('Notification')
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The referral the email is about; null for an account email (INVITATION, PASSWORD_RESET).' })
  referralId!: string | null;

  @Field(() => RecipientKind)
  recipientKind!: RecipientKind;

  @Field(() => String, { nullable: true, description: 'The address, masked (j•••@example.com).' })
  maskedAddress!: string | null;

  @Field(() => NotificationTemplate)
  template!: NotificationTemplate;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field(() => NotificationSkipReason, { nullable: true, description: 'Why it was SUPPRESSED or SKIPPED.' })
  skipReason!: NotificationSkipReason | null;

  @Field(() => Int, { description: 'Delivery attempts that finished (sent or failed).' })
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true })
  sentAt!: Date | null;
}

@ObjectType()
export class NotificationConnection extends connectionType(Notification, 'Notification') {}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    referralId: row.referral_id,
    recipientKind: row.recipient_kind as RecipientKind,
    maskedAddress: maskAddress(row.recipient_email),
    template: row.template as NotificationTemplate,
    status: row.status as NotificationStatus,
    skipReason: row.skip_reason as NotificationSkipReason | null,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
