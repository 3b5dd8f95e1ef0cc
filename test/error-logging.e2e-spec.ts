import { randomUUID } from 'node:crypto';
import { CapturedLog, LogLine } from './support/captured-log';
import { expectGraphqlError } from './support/expectations';
import { disposeAll, LiveSubscriber, untilListening } from './support/live-updates';
import { CREATE_CLINIC, REFERRAL } from './support/operations';
import { clinicInput, Referral, referralInput, runReferralMutation } from './support/fixtures';
import { useWorld } from './support/file-setup';
import { referralIn } from './support/world';

/*
 * An error nobody expected is logged once, with its cause, wherever it was thrown: in a root
 * resolver (which Nest runs through its exception filter), in a field resolver (which it runs
 * without), or while a live update is resolved (which graphql-ws sends without Apollo). The
 * client sees only "Internal server error". A refusal the domain meant is not logged at all.
 *
 * The failures are real ones, made in the database the gateway uses: a trigger refusing an
 * insert, a table renamed away for one request.
 */

const INTERNAL = 'INTERNAL_SERVER_ERROR';

const REFERRAL_VISITS = `query referralVisits($id: ID!) { referral(id: $id) { id visits { id } } }`;
const LIVE_VISITS = `subscription referralUpdated($filter: ReferralUpdatedFilter) {
  referralUpdated(filter: $filter) { id visits { id } }
}`;

describe('an unexpected error is logged exactly once', () => {
  const log = new CapturedLog();
  const subscribers = new Set<LiveSubscriber>();
  // Declared before useWorld: live subscribers close before the gateway does.
  afterAll(() => disposeAll(subscribers));
  const { app, world, db: database } = useWorld({ logStream: log.stream });
  const db = () => database;

  /** Runs `step` with the visits table renamed away, so every read of it fails. */
  async function withoutVisitsTable(step: () => Promise<void>): Promise<void> {
    await db().query('ALTER TABLE visits RENAME TO visits_hidden_by_test');
    try {
      await step();
    } finally {
      await db().query('ALTER TABLE visits_hidden_by_test RENAME TO visits');
    }
  }

  /** The error lines `step` caused. */
  async function errorsLoggedBy(step: () => Promise<void>): Promise<LogLine[]> {
    const mark = log.mark();
    await step();
    return log.errorsSince(mark);
  }

  const mentioning = (text: string) => (line: LogLine) => JSON.stringify(line).includes(text);

  it('in a root resolver: a mutation whose insert the database refuses', async () => {
    const cause = `refused by the error-logging test ${randomUUID()}`;
    await db().query(`CREATE FUNCTION refuse_clinics_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${cause}'; END $$`);
    await db().query('CREATE TRIGGER refuse_clinics_for_test BEFORE INSERT ON clinics FOR EACH ROW EXECUTE FUNCTION refuse_clinics_for_test()');
    try {
      const errors = await errorsLoggedBy(async () => {
        const response = await world.platformAdmin.withHeaders({ 'x-request-id': 'error-logging-root' }).request(CREATE_CLINIC, { input: clinicInput() });
        const error = expectGraphqlError(response, INTERNAL);
        expect(response.errors).toHaveLength(1);
        expect(error.message).toBe('Internal server error');
        expect(JSON.stringify(response.errors)).not.toContain(cause);
      });
      expect(errors).toHaveLength(1);
      expect(errors.filter(mentioning(cause))).toHaveLength(1);
      // The request's id, which the client got in the x-request-id header, leads to it.
      expect(errors[0].req).toMatchObject({ id: 'error-logging-root' });
    } finally {
      await db().query('DROP TRIGGER refuse_clinics_for_test ON clinics');
      await db().query('DROP FUNCTION refuse_clinics_for_test()');
    }
  });

  it("in a field resolver: a referral's visits, read from a table that is gone", async () => {
    const referral = await referralIn(world, 'SENT');
    await withoutVisitsTable(async () => {
      const errors = await errorsLoggedBy(async () => {
        const response = await world.coordinatorA.client.request(REFERRAL_VISITS, { id: referral.id });
        expect(response.errors).toEqual([
          { message: 'Internal server error', path: ['referral', 'visits'], locations: expect.any(Array), extensions: { code: INTERNAL } },
        ]);
      });
      expect(errors).toHaveLength(1);
      expect(errors.filter(mentioning('relation \\"visits\\" does not exist'))).toHaveLength(1);
    });
  });

  it('in a field resolver of a live update, which graphql-ws sends without Apollo', async () => {
    const subscriber = new LiveSubscriber('coordinator A', app.baseUrl, {
      token: world.coordinatorA.client.token,
      query: LIVE_VISITS,
    });
    subscribers.add(subscriber);
    const send = async () => (await sendAtoB()).id;
    await untilListening([subscriber], send, new Set());

    await withoutVisitsTable(async () => {
      const errors = await errorsLoggedBy(async () => {
        await send();
        const refused = await subscriber.refusal();
        expect(refused).toEqual([
          expect.objectContaining({ message: 'Internal server error', path: ['referralUpdated', 'visits'], extensions: { code: INTERNAL } }),
        ]);
      });
      expect(errors).toHaveLength(1);
      expect(errors.filter(mentioning('relation \\"visits\\" does not exist'))).toHaveLength(1);
    });
  });

  it('a refusal the domain meant (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, INVALID_TRANSITION) is not logged as an error', async () => {
    const referral = await referralIn(world, 'SENT');
    const errors = await errorsLoggedBy(async () => {
      expectGraphqlError(await world.coordinatorA.client.request(CREATE_CLINIC, { input: clinicInput() }), 'FORBIDDEN');
      expectGraphqlError(await world.coordinatorA.client.request(REFERRAL, { id: randomUUID() }), 'NOT_FOUND');
      expectGraphqlError(await world.coordinatorA.client.request(REFERRAL, { id: 'not-an-id' }), 'BAD_USER_INPUT');
      await expect(runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: referral.id })).rejects.toThrow(/INVALID_TRANSITION/);
    });
    expect(errors).toEqual([]);
  });

  function sendAtoB(): Promise<Referral> {
    return runReferralMutation(world.coordinatorA.client, 'createReferral', {
      ...referralInput(world.patient.id, world.targetProvider.providerId),
      send: true,
      idempotencyKey: randomUUID(),
    });
  }
});
