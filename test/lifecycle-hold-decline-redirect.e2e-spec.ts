import { readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError, sorted } from './support/expectations';
import { REFERRAL, referralMutation } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

describe('referral lifecycle: hold/answer, decline, redirect', () => {
  const { world } = useWorld();

  describe('hold and answer', () => {
    it('puts a SENT referral ON_HOLD with a question and back to SENT with the answer', async () => {
      const sent = await referralIn(world, 'SENT');
      const question = 'Was any imaging done on the left shoulder?';
      const held = await runReferralMutation(world.targetProvider.client, 'requestReferralInfo', { id: sent.id, question, expectedVersion: sent.version });
      expect(held).toMatchObject({ status: 'ON_HOLD', version: sent.version + 1 });

      const asReferrer = await readReferral(world.coordinatorA.client, sent.id);
      expect(sorted(asReferrer.availableActions)).toEqual(sorted(['PROVIDE_INFO', 'CANCEL']));
      expect((await readReferral(world.targetProvider.client, sent.id)).availableActions).toEqual(['DECLINE']);

      const answer = 'X-ray in March: no fracture, mild AC joint arthritis.';
      const resumed = await runReferralMutation(world.coordinatorA.client, 'provideReferralInfo', { id: sent.id, answer, expectedVersion: held.version });
      expect(resumed).toMatchObject({ status: 'SENT', version: held.version + 1 });
      // The response clock paused while on hold: it resumes with at least the time it had left.
      expect(resumed.dueAt).not.toBeNull();
      expect(Date.parse(resumed.dueAt!)).toBeGreaterThanOrEqual(Date.parse(sent.dueAt!));

      const hold = resumed.events.find((event) => event.fromStatus === 'SENT' && event.toStatus === 'ON_HOLD');
      const reply = resumed.events.find((event) => event.fromStatus === 'ON_HOLD' && event.toStatus === 'SENT');
      expect(hold).toMatchObject({ reason: question, actor: { id: world.targetProvider.id } });
      expect(reply).toMatchObject({ reason: answer, actor: { id: world.coordinatorA.id } });
      expect(resumed.events.indexOf(hold!)).toBeLessThan(resumed.events.indexOf(reply!));
    });

    it('lets the receiving coordinator ask as well', async () => {
      const sent = await referralIn(world, 'SENT');
      const held = await runReferralMutation(world.coordinatorB.client, 'requestReferralInfo', { id: sent.id, question: 'Insurance details?' });
      expect(held.status).toBe('ON_HOLD');
    });

    it('requires a question and an answer', async () => {
      const sent = await referralIn(world, 'SENT');
      const noQuestion = await world.targetProvider.client.request(referralMutation('requestReferralInfo'), { input: { id: sent.id, question: '' } });
      expectGraphqlError(noQuestion, 'BAD_USER_INPUT', 'input.question');
      const held = await runReferralMutation(world.targetProvider.client, 'requestReferralInfo', { id: sent.id, question: 'Imaging?' });
      const noAnswer = await world.coordinatorA.client.request(referralMutation('provideReferralInfo'), { input: { id: sent.id, answer: '' } });
      expectGraphqlError(noAnswer, 'BAD_USER_INPUT', 'input.answer');
      expect(await readReferral(world.coordinatorA.client, sent.id)).toMatchObject({ status: 'ON_HOLD', version: held.version });
    });

    it('allows declining a referral that is ON_HOLD', async () => {
      const held = await referralIn(world, 'ON_HOLD');
      const declined = await runReferralMutation(world.targetProvider.client, 'declineReferral', { id: held.id, reason: 'PATIENT_UNREACHABLE' });
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'PATIENT_UNREACHABLE' });
    });
  });

  describe('decline then redirect', () => {
    it('refuses reason OTHER without a note, naming input.note, and changes nothing', async () => {
      const sent = await referralIn(world, 'SENT');
      const response = await world.targetProvider.client.request(referralMutation('declineReferral'), { input: { id: sent.id, reason: 'OTHER' } });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.note');
      const after = await readReferral(world.coordinatorA.client, sent.id);
      expect(after).toMatchObject({ status: 'SENT', version: sent.version, declineReason: null });
      expect(after.events).toHaveLength(sent.events.length);
    });

    it('accepts reason OTHER with a note', async () => {
      const sent = await referralIn(world, 'SENT');
      const declined = await runReferralMutation(world.targetProvider.client, 'declineReferral', {
        id: sent.id,
        reason: 'OTHER',
        note: 'Clinic closing for renovation',
      });
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'OTHER' });
    });

    it('declines with a reason, redirects to a new SENT referral linked both ways, and refuses a second redirect', async () => {
      const sent = await referralIn(world, 'SENT');
      const declined = await runReferralMutation(world.targetProvider.client, 'declineReferral', {
        id: sent.id,
        reason: 'NO_CAPACITY',
        expectedVersion: sent.version,
      });
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'NO_CAPACITY', version: sent.version + 1 });
      expect(declined.respondedAt).not.toBeNull();
      expect(declined.events.at(-1)).toMatchObject({ fromStatus: 'SENT', toStatus: 'DECLINED' });
      expect((await readReferral(world.coordinatorA.client, sent.id)).availableActions).toEqual(['REDIRECT']);

      const redirected = await runReferralMutation(world.coordinatorA.client, 'redirectReferral', {
        id: sent.id,
        toProviderId: world.alternateProvider.providerId,
        expectedVersion: declined.version,
      });
      expect(redirected.id).not.toBe(sent.id);
      expect(redirected.reference).not.toBe(sent.reference);
      expect(redirected).toMatchObject({
        status: 'SENT',
        redirectedFrom: { id: sent.id },
        redirectedTo: null,
        toProvider: { id: world.alternateProvider.providerId },
        patient: { id: world.patient.id },
        modality: sent.modality,
        conditions: sent.conditions,
        reason: sent.reason,
      });
      expect(redirected.sentAt).not.toBeNull();
      expect(redirected.dueAt).not.toBeNull();

      const old = await readReferral(world.coordinatorA.client, sent.id);
      expect(old).toMatchObject({ status: 'DECLINED', redirectedTo: { id: redirected.id } });
      expect(old.availableActions).toEqual([]);

      const again = await world.coordinatorA.client.request(referralMutation('redirectReferral'), {
        input: { id: sent.id, toProviderId: world.alternateProvider.providerId },
      });
      expectGraphqlError(again, 'INVALID_TRANSITION');
      expect(await readReferral(world.coordinatorA.client, sent.id)).toMatchObject({ redirectedTo: { id: redirected.id }, version: old.version });

      // The new target sees and can act on it; the old target still sees only its declined one.
      const asNewTarget = await readReferral(world.alternateProvider.client, redirected.id);
      expect(sorted(asNewTarget.availableActions)).toEqual(sorted(['ACCEPT', 'DECLINE', 'REQUEST_INFO']));
      const asOldTarget = await world.targetProvider.client.request(REFERRAL, { id: redirected.id });
      expectGraphqlError(asOldTarget, 'NOT_FOUND');
      const accepted = await runReferralMutation(world.alternateProvider.client, 'acceptReferral', { id: redirected.id });
      expect(accepted.status).toBe('ACCEPTED');
    });
  });
});
