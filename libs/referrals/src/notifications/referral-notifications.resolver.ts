import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@referloop/common';
import { Notification, NotificationRepository, toNotification } from '@referloop/notifications';
import { Referral } from '../models/referral.model';

/**
 * The emails sent (or held back) about a referral. The parent referral was read through the
 * caller's tenancy, so whoever sees it sees what it told whom — addresses masked.
 */
@Resolver(() => Referral)
export class ReferralNotificationsResolver {
  constructor(private readonly rows: NotificationRepository) {}

  @ResolveField(() => [Notification], { description: 'Emails about this referral, oldest first.' })
  async notifications(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<Notification[]> {
    const loader = loaders.get<string, Notification[]>('referralNotifications', async (ids) => {
      const rows = await this.rows.forReferrals(ids);
      return new Map([...rows].map(([id, list]) => [id, list.map(toNotification)]));
    });
    return (await loader.load(referral.id)) ?? [];
  }
}
