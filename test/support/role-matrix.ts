import { ErrorReason } from '@referloop/core';
import { createSignedInUser } from './fixtures';
import { GraphqlClient, GraphqlResponse } from './graphql-client';
import { DISABLE_USER } from './operations';
import { World } from './world';

/**
 * Role matrices: an operation run as every kind of caller, each outcome asserted. Null is
 * success, otherwise the code (and the reason, for FORBIDDEN).
 */
export type Outcome = null | 'UNAUTHENTICATED' | 'NOT_FOUND' | [code: 'FORBIDDEN', reason: ErrorReason];
export const ROLE: Outcome = ['FORBIDDEN', ErrorReason.NOT_YOUR_ROLE];
export const CLINIC: Outcome = ['FORBIDDEN', ErrorReason.NOT_YOUR_CLINIC];
export type Caller = 'platformAdmin' | 'clinicAdmin' | 'coordinator' | 'provider' | 'otherClinicAdmin' | 'disabled' | 'anonymous';

/** Clinic A's admin, coordinator and provider, clinic B's admin, a disabled admin of A, and nobody signed in. */
export async function matrixCallers(world: World): Promise<Record<Caller, GraphqlClient>> {
  const disabled = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', world.clinicA.id);
  await world.platformAdmin.ok(DISABLE_USER, { input: { id: disabled.id } });
  return {
    platformAdmin: world.platformAdmin,
    clinicAdmin: world.adminA.client,
    coordinator: world.coordinatorA.client,
    provider: world.referringProvider.client,
    otherClinicAdmin: world.adminB.client,
    disabled: disabled.client,
    anonymous: world.anonymous,
  };
}

/** What a response amounts to, in a matrix's terms. */
export function outcomeOf(response: GraphqlResponse): unknown {
  const error = response.errors?.[0];
  if (error === undefined) return null;
  return error.extensions?.reason ? [error.extensions.code, error.extensions.reason] : error.extensions?.code;
}
