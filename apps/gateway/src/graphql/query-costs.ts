import type { QueryCosts } from '@referloop/common';

/**
 * What each field of the schema costs toward GRAPHQL_MAX_COST (docs/request-limits.md explains the
 * model and keeps this table in words). A unit is roughly one indexed read; the exceptions are
 * fields that run a query of their own per parent or aggregate many rows, priced from their
 * measured cost (BENCHMARKS.md): with the default budget of 2,000, one request may ask for ten
 * sets of statistics, a list of 100 referrals with their people and clinics, or
 * twenty-five provider searches, but not hundreds of any of them through aliases.
 */
export const QUERY_COSTS: QueryCosts = {
  objectField: 1,
  leafField: 0,
  mutationField: 10,
  // A referral's visits, events or reports: a handful each.
  listSize: 5,
  fields: {
    // One aggregate over every referral the caller may see in the period (up to ~1 s for a
    // platform admin over a day of a million referrals).
    'Query.referralStats': 200,
    // Ranks every candidate provider in range; its page size then multiplies what it selects.
    'Query.matchProviders': 50,
    // Matching again, for each referral it is asked on.
    'Referral.suggestedProviders': 50,
    // A geographic search over the open pools.
    'Query.openReferrals': 10,
    // Computed live from the provider's referrals over 90 days, per provider.
    'Provider.stats': 10,
    // Computed from the assessment, the current plan and every visit.
    'Referral.progress': 5,
  },
  arguments: {
    // A search by name reads every matching patient's referrals, or, when a word is short
    // enough to match many patients, the caller's whole list with them: a one-letter search of
    // an inbox of 86,000 referrals took 0.7 s, its count as long again (BENCHMARKS.md).
    // Half of referralStats: about twenty searches fit in one request. A four-letter one takes about 50 ms.
    'Query.referrals(filter.search)': 100,
  },
};
