import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Condition, DateTime, GeoPoint, Modality, Technique } from '@referloop/common';
import { DeclineReason, ReferralEventType, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { Assessment, Goals, Outcome } from './clinical.model';

@ObjectType({ description: 'An open referral is offered to every eligible provider within radiusKm of near; the first to accept takes it.' })
export class ReferralPool {
  @Field(() => GeoPoint)
  near!: GeoPoint;

  @Field(() => Float)
  radiusKm!: number;
}

/**
 * The referral as the API shows it. Relations (patient, clinics, provider, history) are
 * resolved by field resolvers from the ids kept here, each scoped to the viewer.
 */
@ObjectType()
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short human reference such as RF-7K3Q9P.' })
  reference!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Int, { description: 'Bumped by every change; pass it back as expectedVersion.' })
  version!: number;

  @Field(() => ReferralPriority)
  priority!: ReferralPriority;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => [Condition])
  conditions!: Condition[];

  @Field(() => [Technique])
  techniques!: Technique[];

  @Field(() => String)
  reason!: string;

  @Field(() => Assessment, { nullable: true })
  assessment!: Assessment | null;

  @Field(() => Goals, { nullable: true })
  goals!: Goals | null;

  @Field(() => Int, { nullable: true })
  recommendedVisits!: number | null;

  @Field(() => Int, { nullable: true })
  visitsPerWeek!: number | null;

  @Field(() => String, { nullable: true })
  redFlags!: string | null;

  @Field(() => Boolean)
  consentToShare!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;

  @Field(() => DateTime, { nullable: true })
  sentAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the receiver must answer by; paused while ON_HOLD.' })
  dueAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the receiver accepted or declined.' })
  respondedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  appointmentAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  treatmentStartedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  completedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the referrer acknowledged the outcome.' })
  loopClosedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: DeclineReason | null;

  @Field(() => String, { nullable: true })
  declineNote!: string | null;

  @Field(() => Outcome, { nullable: true })
  outcome!: Outcome | null;

  @Field(() => ReferralPool, { nullable: true, description: 'Set for an open referral: where it is offered.' })
  pool!: ReferralPool | null;

  // Ids behind the relation fields; not exposed directly.
  patientId!: string;
  referringClinicId!: string;
  referringUserId!: string;
  referringProviderId!: string | null;
  toProviderId!: string | null;
  toClinicId!: string | null;
  redirectedFromId!: string | null;
  redirectedToId!: string | null;
  onwardFromId!: string | null;
}

@ObjectType()
export class ReferralEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => ReferralEventType)
  type!: ReferralEventType;

  @Field(() => ReferralStatus, { nullable: true })
  fromStatus!: ReferralStatus | null;

  @Field(() => ReferralStatus)
  toStatus!: ReferralStatus;

  /** Resolved to `actor` (a User) by ReferralEventFieldsResolver; null when the system acted. */
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason, question, answer or note given with the change.' })
  reason!: string | null;

  @Field(() => DateTime)
  at!: Date;
}
