import { Args, Field, ID, InputType, Resolver, Subscription } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { UserRepository } from '@referloop/auth';
import { AuditTrail, Loaders, RequestContext } from '@referloop/common';
import { Party } from '@referloop/lifecycle';
import { ReferralDirection } from '../dto/referrals.args';
import { Referral } from '../models/referral.model';
import { partiesOf } from '../referral-access';
import { rowParticipants } from '../referral-participants';
import { ReferralRepository } from '../referral.repository';
import { ReferralRow, toReferral } from '../referral.row';
import { auditSeen } from '../seen-referral';
import { ReferralUpdatedMessage, ReferralUpdates } from './referral-updates';

/** A page lists its referral's onward referrals; a hundred is far more than one referral ever has. */
const MAX_WATCHED_REFERRALS = 100;

@InputType()
export class ReferralUpdatedFilter {
  @Field(() => ReferralDirection, { nullable: true, description: 'INBOUND: referrals sent to you; OUTBOUND: referrals you sent; both when omitted.' })
  @IsOptional()
  @IsEnum(ReferralDirection)
  direction?: ReferralDirection;

  @Field(() => [ID], {
    nullable: true,
    description: "Only these referrals' changes (at most 100): what a page showing one referral and those linked to it listens to.",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WATCHED_REFERRALS, { message: `ids can name at most ${MAX_WATCHED_REFERRALS} referrals` })
  @IsUUID('all', { each: true, message: 'ids must be ids returned by this API' })
  ids?: string[];
}

const RECEIVER = [Party.RECEIVER_STAFF, Party.TARGET_PROVIDER];

/**
 * Live updates over graphql-ws. Every gateway hears every change (through Redis); each
 * subscriber is sent only the referrals it may see, read as itself through the same scoped query
 * as any other read — so another clinic hears nothing — and each one sent is audited like a read.
 * Two changes in quick succession may both be sent with the later state: each is read when sent.
 */
@Resolver(() => Referral)
export class ReferralUpdatesResolver {
  /** The row a subscriber's filter read, handed to its resolve: one read per subscriber and change. */
  private readonly seen = new WeakMap<RequestContext, Map<string, ReferralRow>>();

  constructor(
    private readonly updates: ReferralUpdates,
    private readonly referrals: ReferralRepository,
    private readonly users: UserRepository,
  ) {}

  @Subscription(() => Referral, {
    description: 'A referral you may see changed (status, content, plan, visits, reports…): sent with its current state. Over graphql-ws, with the access token as connectionParams.authorization.',
    filter(this: ReferralUpdatesResolver, message: ReferralUpdatedMessage, variables: { filter?: ReferralUpdatedFilter | null }, context: RequestContext) {
      const filter = variables.filter ?? {};
      // Another referral's change is dropped before any read: a page's subscription costs nothing for the rest.
      if (filter.ids && !filter.ids.includes(message.referralId)) return false;
      return this.visible(message, filter.direction ?? null, context);
    },
    resolve(this: ReferralUpdatesResolver, message: ReferralUpdatedMessage, _args: unknown, context: RequestContext) {
      return this.shown(message, context);
    },
  })
  referralUpdated(@Args('filter', { type: () => ReferralUpdatedFilter, nullable: true }) _filter?: ReferralUpdatedFilter): AsyncIterableIterator<ReferralUpdatedMessage> {
    return this.updates.updates();
  }

  private async visible(message: ReferralUpdatedMessage, direction: ReferralDirection | null, context: RequestContext): Promise<boolean> {
    const caller = context.actor;
    if (!caller?.sessionId) return false;
    // Checked at every update, as every HTTP request checks it: a user disabled, or a session
    // ended, while connected hears nothing more.
    const actor = await this.users.findActiveActor({ userId: caller.userId, sessionId: caller.sessionId }, context.ipAddress);
    if (!actor || actor.needsSecondFactor) return false;
    const row = await this.referrals.findVisible(actor, message.referralId);
    if (!row) return false;
    if (direction !== null) {
      const parties = [...partiesOf(actor, rowParticipants(row))];
      const wanted = direction === ReferralDirection.INBOUND ? parties.some((party) => RECEIVER.includes(party)) : parties.includes(Party.REFERRER);
      if (!wanted) return false;
    }
    const seen = this.seen.get(context) ?? new Map<string, ReferralRow>();
    seen.set(message.referralId, row);
    this.seen.set(context, seen);
    return true;
  }

  private async shown(message: ReferralUpdatedMessage, context: RequestContext): Promise<Referral> {
    const row = this.seen.get(context)?.get(message.referralId);
    this.seen.get(context)?.delete(message.referralId);
    if (!row || !context.actor) throw new Error('A live update was resolved without passing its filter');
    // Each update is a read of its own: fresh batches (no stale relations from an earlier one) and
    // its own audit trail, which the fields resolved below add to and which is written once they
    // are done (LiveConnections.updateResolved).
    context.loaders = new Loaders();
    context.audit = new AuditTrail();
    context.audit.operation = 'referralUpdated';
    auditSeen(context.audit, row);
    return toReferral(row);
  }
}
