import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, connectionType, CurrentActor, pageRequest, toConnection, type Connection } from '@referloop/common';
import { notFound, requireUuid } from '@referloop/core';
import { CreateReferralInput, UpdateReferralInput } from './dto/referral-content.input';
import { ReferralsArgs } from './dto/referrals.args';
import {
  AcceptReferralInput,
  AcknowledgeReferralOutcomeInput,
  CancelReferralInput,
  DeclineReferralInput,
  ProvideReferralInfoInput,
  RedirectReferralInput,
  RequestReferralInfoInput,
  ScheduleReferralInput,
  SendReferralInput,
  StartReferralTreatmentInput,
} from './dto/transition.input';
import { Referral } from './models/referral.model';
import { REFERENCE_PATTERN } from './reference';
import { ReferralRepository } from './referral.repository';
import { seenReferral } from './seen-referral';
import { ReferralService } from './referral.service';
import { ReferralTransitions } from './referral-transitions.service';

export const ReferralConnection = connectionType(Referral, 'Referral');

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(
    private readonly service: ReferralService,
    private readonly transitions: ReferralTransitions,
    private readonly referralRepository: ReferralRepository,
  ) {}

  @Query(() => Referral)
  async referral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('id', { type: () => ID }) id: string): Promise<Referral> {
    const row = await this.referralRepository.findVisible(actor, requireUuid(id, 'id'));
    if (!row) throw notFound('Referral');
    return seenReferral(audit, row);
  }

  @Query(() => Referral)
  async referralByReference(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('reference', { type: () => String }) reference: string,
  ): Promise<Referral> {
    const normalised = reference.trim().toUpperCase();
    const row = REFERENCE_PATTERN.test(normalised) ? await this.referralRepository.findVisibleByReference(actor, normalised) : null;
    if (!row) throw notFound('Referral');
    return seenReferral(audit, row);
  }

  @Query(() => ReferralConnection, { description: 'Referrals you may see, newest first.' })
  async referrals(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args({ type: () => ReferralsArgs }) args: ReferralsArgs): Promise<Connection<Referral>> {
    const page = pageRequest(args);
    const { rows, count } = this.referralRepository.list(actor, args.filter ?? {}, page);
    const keyed = (await rows).map((row) => ({ ...row, createdAt: row.created_at }));
    return toConnection(keyed, page, count, (row) => seenReferral(audit, row));
  }

  @Mutation(() => Referral, { description: 'Creates a DRAFT, or with send: true creates and sends it at once.' })
  async createReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => CreateReferralInput }) input: CreateReferralInput) {
    return seenReferral(audit, await this.service.create(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'Edits a DRAFT.' })
  async updateReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => UpdateReferralInput }) input: UpdateReferralInput) {
    return seenReferral(audit, await this.service.update(actor, input, audit));
  }

  @Mutation(() => Referral)
  async sendReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => SendReferralInput }) input: SendReferralInput) {
    return seenReferral(audit, await this.transitions.send(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'Puts a SENT referral ON_HOLD with a question; the response clock pauses.' })
  async requestReferralInfo(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => RequestReferralInfoInput }) input: RequestReferralInfoInput) {
    return seenReferral(audit, await this.transitions.requestInfo(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'Answers the question; the referral is SENT again and the clock resumes.' })
  async provideReferralInfo(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => ProvideReferralInfoInput }) input: ProvideReferralInfoInput) {
    return seenReferral(audit, await this.transitions.provideInfo(actor, input, audit));
  }

  @Mutation(() => Referral)
  async acceptReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => AcceptReferralInput }) input: AcceptReferralInput) {
    return seenReferral(audit, await this.transitions.accept(actor, input, audit));
  }

  @Mutation(() => Referral, {
    nullable: true,
    description: 'Declines the referral. On an open referral it is a pass, for you alone: it stays open to the others, and the answer is null.',
  })
  async declineReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => DeclineReferralInput }) input: DeclineReferralInput) {
    const { row, passed } = await this.transitions.decline(actor, input, audit);
    if (!passed) return seenReferral(audit, row);
    // The pass is on the record, but the candidate was never shown the patient.
    audit.touchReferral(row.id, row.referring_clinic_id, null);
    return null;
  }

  @Mutation(() => Referral)
  async cancelReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => CancelReferralInput }) input: CancelReferralInput) {
    return seenReferral(audit, await this.transitions.cancel(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'Sets the first appointment (from ACCEPTED) or moves it (from SCHEDULED).' })
  async scheduleReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => ScheduleReferralInput }) input: ScheduleReferralInput) {
    return seenReferral(audit, await this.transitions.schedule(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'The first visit took place. The target provider only.' })
  async startReferralTreatment(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => StartReferralTreatmentInput }) input: StartReferralTreatmentInput) {
    return seenReferral(audit, await this.transitions.startTreatment(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'The referrer has read the outcome: closes the loop.' })
  async acknowledgeReferralOutcome(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => AcknowledgeReferralOutcomeInput }) input: AcknowledgeReferralOutcomeInput) {
    return seenReferral(audit, await this.transitions.acknowledgeOutcome(actor, input, audit));
  }

  @Mutation(() => Referral, { description: 'Sends a declined or expired referral to another provider; returns the new referral.' })
  async redirectReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => RedirectReferralInput }) input: RedirectReferralInput) {
    const { previous, created } = await this.service.redirect(actor, input, audit);
    seenReferral(audit, previous);
    return seenReferral(audit, created);
  }
}
