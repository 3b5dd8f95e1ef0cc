import { randomUUID } from 'node:crypto';
import { pageRequest } from '@referloop/common';
import { PatientRepository } from '@referloop/patients';
import { ReferralDirection } from '@referloop/referrals';
import { patientInput, referralInput } from '../support/inputs';
import { ReferralFieldsResolver, ReferralRepository, ReferralService, ReferralTransitions, toReferral } from '../support/referrals-internals';
import { tableScansOf } from '../support/query-plans';
import { Cast, referralInState, useServices } from '../support/services';
import type { ReachableState } from '../support/world';

/**
 * The referrals list's needsAction filter (SQL built from the lifecycle's TO_DO) against the
 * Referral.needsAction field (availableActions that are work), for every role of the cast, on
 * a referral in every status the API reaches, a redirected one, one a clinic sends to its own
 * provider (its staff on both sides), and one a provider sends as referrer. Both must pick the
 * same referrals, and totalCount must count them.
 */
type Role = keyof Cast;

const STATES: ReachableState[] = ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'LOOP_CLOSED', 'CANCELLED'];
const ROLES: Role[] = ['platformAdmin', 'adminA', 'coordinatorA', 'referringProvider', 'adminB', 'coordinatorB', 'targetProvider', 'alternateProvider', 'coordinatorC', 'unrelatedProvider'];

describe('needsAction: the list filter and the Referral field agree, role by role', () => {
  const services = useServices();
  let patientId: string;

  beforeAll(async () => {
    const patient = await services.get(PatientRepository).insert(patientInput(services.record.clinicA.id, { firstName: 'Actionable' }) as never);
    patientId = patient.id;
    for (const state of STATES) await referralInState(services, state, { patientId });

    const { coordinatorA, referringProvider, targetProvider } = services.actors;
    const create = services.get(ReferralService);
    const moves = services.get(ReferralTransitions);
    const input = (actorInput: Record<string, unknown>) => ({ ...referralInput(patientId, '', actorInput), idempotencyKey: randomUUID() }) as never;

    // Declined, then redirected: nothing left to do on the declined one.
    const declined = await referralInState(services, 'DECLINED', { patientId });
    await create.redirect(coordinatorA, { id: declined.id, toProviderId: services.record.actors.alternateProvider.providerId as string });
    // Clinic A to its own (massage) provider: coordinator A is referrer and receiving staff.
    await create.create(coordinatorA, input({ toProviderId: referringProvider.providerId, modality: 'MASSAGE', send: true }));
    // The referring provider as the referrer, waiting on their answer.
    const asked = await create.create(referringProvider, input({ toProviderId: services.record.actors.targetProvider.providerId, send: true }));
    await moves.requestInfo(targetProvider, { id: asked.id, question: 'Which shoulder?' });
  });

  /** Every referral of the file's patient the role sees, as the unfiltered list gives them. */
  const visible = async (role: Role) => {
    const { rows } = services.get(ReferralRepository).list(services.actors[role], { patientId }, pageRequest({ first: 100 }));
    return rows;
  };
  const listed = async (role: Role, needsAction: boolean, direction?: ReferralDirection) => {
    const { rows, count } = services.get(ReferralRepository).list(services.actors[role], { patientId, needsAction, direction }, pageRequest({ first: 100 }));
    const ids = (await rows).map((row) => row.id);
    expect(await count()).toBe(ids.length);
    return new Set(ids);
  };

  it.each(ROLES)('%s: needsAction true and false split what it sees exactly as the field does', async (role) => {
      const actor = services.actors[role];
      const field = services.get(ReferralFieldsResolver);
      const seen = await visible(role);
      const wanted = new Set(seen.filter((row) => field.needsAction(toReferral(row), actor)).map((row) => row.id));
      const rest = new Set(seen.map((row) => row.id).filter((id) => !wanted.has(id)));
      expect({ role, needs: await listed(role, true), rest: await listed(role, false) }).toEqual({ role, needs: wanted, rest });
      // Each direction alone splits the same way.
      for (const direction of [ReferralDirection.INBOUND, ReferralDirection.OUTBOUND]) {
        const { rows } = services.get(ReferralRepository).list(actor, { patientId, direction }, pageRequest({ first: 100 }));
        const inDirection = new Set((await rows).map((row) => row.id));
        const needs = new Set([...wanted].filter((id) => inDirection.has(id)));
        expect({ role, direction, needs: await listed(role, true, direction) }).toEqual({ role, direction, needs });
      }
  });

  it('gives each side its own work: the receiver a sent referral, the referrer one on hold or completed, coordinator A both on its own provider', async () => {
    const statusOf = async (role: Role, needsAction: boolean) => {
      const ids = await listed(role, needsAction);
      const byId = new Map((await visible(role)).map((row) => [row.id, row]));
      return [...ids].map((id) => byId.get(id)!.status).sort();
    };
    // Draft, on hold (its own and its provider's), declined (not redirected), completed (not acknowledged), and the one sent to its own provider.
    expect(await statusOf('coordinatorA', true)).toEqual(['COMPLETED', 'DECLINED', 'DRAFT', 'ON_HOLD', 'ON_HOLD', 'SENT'].sort());
    // Sent (the redirect's new referral too) and accepted; an appointment already set is not work for staff.
    expect(await statusOf('coordinatorB', true)).toEqual(['ACCEPTED', 'SENT', 'SENT'].sort());
    // The same, then starting and completing the treatment; and the redirect's new referral is the alternate provider's.
    expect(await statusOf('targetProvider', true)).toEqual(['ACCEPTED', 'IN_TREATMENT', 'SCHEDULED', 'SENT'].sort());
    expect(await statusOf('alternateProvider', true)).toEqual(['SENT']);
    // The referring provider's own referral waits on their answer; their clinic's provider sees the one sent to them.
    expect(await statusOf('referringProvider', true)).toEqual(['ON_HOLD', 'SENT'].sort());
    expect(await statusOf('platformAdmin', true)).toEqual([]);
    expect((await statusOf('platformAdmin', false)).length).toBe((await visible('platformAdmin')).length);
  });
});

/** The scans of `referrals` in a plan (EXPLAIN's JSON), by node type. */

describe('needsAction: a list and its count read from the index alone', () => {
  const services = useServices();

  beforeAll(async () => {
    for (const state of STATES) await referralInState(services, state);
    // The visibility map, so an index-only scan need not visit the table for rows just written.
    await services.db.query('VACUUM (ANALYZE) referrals');
  });

  /**
   * The count behind totalCount as the repository builds it, planned as PostgreSQL would over
   * a large table (no sequential or bitmap scans): a clinic's 1,500 referrals were read from the
   * table one by one while the index lacked a column the condition reads (migration
   * 1765800000000). A fact or party column added to needsActionCondition without adding it to
   * the list indexes fails here.
   */
  it.each([
    ['coordinatorA', ReferralDirection.INBOUND],
    ['coordinatorA', ReferralDirection.OUTBOUND],
    ['targetProvider', ReferralDirection.INBOUND],
    ['referringProvider', ReferralDirection.OUTBOUND],
  ] as Array<[Role, ReferralDirection]>)('%s, %s: the count with needsAction true and false is an index-only scan', async (role, direction) => {
    const statements: Array<{ sql: string; values: unknown[] }> = [];
    // Records the statements; they still run as usual.
    const query = jest.spyOn(services.db, 'query');
    try {
      for (const needsAction of [true, false]) {
        const { rows, count } = services.get(ReferralRepository).list(services.actors[role], { needsAction, direction }, pageRequest({ first: 20 }));
        await Promise.all([rows, count()]);
      }
      for (const [sql, values] of query.mock.calls) if (sql.startsWith('SELECT count(*)')) statements.push({ sql, values: (values ?? []) as unknown[] });
    } finally {
      query.mockRestore();
    }
    expect(statements).toHaveLength(2);

    const scans = [];
    for (const { sql, values } of statements) scans.push(await tableScansOf(services.db, 'referrals', sql, values));
    expect(scans).toEqual([['Index Only Scan'], ['Index Only Scan']]);
  });
});
