import type { FieldPolicy, TypePolicies } from '@apollo/client';

interface Connection {
  edges: { cursor: string }[];
  pageInfo: unknown;
  totalCount?: number;
}

/**
 * Keyset "load more": a page asked for with `after` is appended to what is cached for the same
 * filter; a page without it (a new filter, a refetch) replaces it.
 */
function keysetConnection(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}

export const cacheTypePolicies: TypePolicies = {
  Query: {
    fields: {
      referrals: keysetConnection(['filter']),
      openReferrals: keysetConnection([]),
      patients: keysetConnection(['filter']),
      failedNotifications: keysetConnection([]),
      users: keysetConnection(['filter']),
      referral: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Referral', id: args?.id }) },
    },
  },
  // Value objects without an id of their own live inside their parent. Two queries may each ask
  // for some of their fields (a referral's page and its episode ask for different parts of the
  // assessment): merged, not replaced, or each answer would make the other query incomplete and
  // send it to the network again.
  Assessment: { keyFields: false, merge: true },
  Goals: { keyFields: false, merge: true },
  TreatmentProgress: { keyFields: false, merge: true },
};
