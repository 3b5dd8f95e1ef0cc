'use strict';
/**
 * Who does what in the mixed-load benchmark: the seeded clinics whose staff send the requests,
 * their signed-in users, the referrals each request is about, and the mix itself.
 *
 * The busiest clinics of the seeded dataset (most referrals in an open episode) are chosen;
 * their coordinators and providers sign in through the API (login) with the seed's password.
 * Referrals move along their lifecycle only through the requests of this run, one request at
 * a time for each: a move takes a referral out of the pool for its status and puts it into the
 * pool for the status its answer shows, so two requests never race on one referral.
 */

const ops = require('./mixed-operations');
const { HarnessError, log } = require('./util');

/** The password of every seeded user (apps/demo/src/seed.ts, SEED_PASSWORD). */
const SEED_PASSWORD = 'referloop-seed-password';

/**
 * The mix, per 100 requests: what clinic staff do in a working day, reads first. Every 100
 * consecutive requests hold exactly these counts, in a shuffled order.
 */
const MIX = {
  inbox: 42,
  referral: 23,
  matchProviders: 5,
  createReferral: 5,
  acceptReferral: 3,
  scheduleReferral: 3,
  setTreatmentPlan: 2,
  startTreatment: 2,
  recordVisit: 15,
};

/** A small seeded generator (mulberry32), so a run's sequence of requests is reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A FIFO of referrals waiting for their next move. */
class Pool {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  push(item) {
    this.items.push(item);
  }
  take() {
    if (this.head >= this.items.length) return null;
    const item = this.items[this.head];
    this.head += 1;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  get size() {
    return this.items.length - this.head;
  }
}

/** Reads the dataset: the `clinics` busiest clinics, their staff, patients, and referrals to work on. */
async function loadWorld(client, { clinics: wanted, readSample }) {
  const clinics = (
    await client.query(
      `SELECT c.id, c.name, c.latitude, c.longitude, count(r.id)::int AS open_episodes
         FROM clinics c
         LEFT JOIN referrals r ON r.to_clinic_id = c.id AND r.status IN ('SENT', 'ACCEPTED', 'SCHEDULED', 'IN_TREATMENT')
        WHERE EXISTS (SELECT 1 FROM users u WHERE u.clinic_id = c.id AND u.role = 'COORDINATOR')
        GROUP BY c.id ORDER BY open_episodes DESC, c.id LIMIT $1`,
      [wanted],
    )
  ).rows;
  if (clinics.length < 2) throw new HarnessError(`the dataset has ${clinics.length} clinic(s) with coordinators; the mix needs at least 2`);
  const clinicIds = clinics.map((c) => c.id);
  const users = (
    await client.query(
      `SELECT u.id, u.email, u.role, u.clinic_id, p.id AS provider_id, p.modalities, p.conditions, p.techniques, p.accepting_new_patients
         FROM users u LEFT JOIN providers p ON p.user_id = u.id
        WHERE u.clinic_id = ANY($1) AND u.role IN ('COORDINATOR', 'PROVIDER') AND u.disabled_at IS NULL
        ORDER BY u.email`,
      [clinicIds],
    )
  ).rows;
  const patients = (
    await client.query(
      `SELECT clinic_id, (array_agg(id ORDER BY id))[1:100] AS ids FROM patients WHERE clinic_id = ANY($1) GROUP BY clinic_id`,
      [clinicIds],
    )
  ).rows;
  const providerIds = users.filter((u) => u.provider_id).map((u) => u.provider_id);
  // Referrals already in an open episode with one of these providers: the lifecycle pools' start.
  const open = (
    await client.query(
      `SELECT id, status, to_clinic_id, to_provider_id, referring_clinic_id
         FROM referrals
        WHERE to_provider_id = ANY($1)
          AND (status IN ('ACCEPTED', 'SCHEDULED', 'IN_TREATMENT') OR (status = 'SENT' AND due_at > now() + interval '15 minutes'))`,
      [providerIds],
    )
  ).rows;
  // Referrals the page reads: a random sample of those these clinics sent or received (a draft
  // is its author's alone).
  const readable = (
    await client.query(
      `SELECT id, to_clinic_id, to_provider_id, referring_clinic_id FROM referrals
        WHERE (to_clinic_id = ANY($1) OR referring_clinic_id = ANY($1)) AND status <> 'DRAFT'
        ORDER BY random() LIMIT $2`,
      [clinicIds, readSample],
    )
  ).rows;
  return { clinics, users, patients, open, readable };
}

/** Signs every user in through the API, `concurrency` at a time; returns a map user id → token. */
async function signIn(gateway, users, concurrency) {
  const tokens = new Map();
  let next = 0;
  const lane = async () => {
    while (next < users.length) {
      const user = users[next];
      next += 1;
      const answer = await gateway.request(ops.LOGIN, { input: { email: user.email, password: SEED_PASSWORD } });
      tokens.set(user.id, answer.login.accessToken);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, users.length) }, lane));
  return tokens;
}

/**
 * The request planner: `next()` returns the next request of the mix as { op, body, token, done }
 * (`done(data)` moves the referral on when the answer was good), or { op, skipped } when no
 * referral is in the status that kind of request needs.
 */
class Mix {
  constructor({ world, tokens, runId, seed }) {
    this.random = prng(seed);
    this.runId = runId;
    this.sequence = 0;
    this.deck = [];
    for (const [op, count] of Object.entries(MIX)) for (let n = 0; n < count; n += 1) this.deck.push(op);
    this.position = this.deck.length;

    const byClinic = new Map(world.clinics.map((clinic) => [clinic.id, { ...clinic, coordinators: [], providers: [], patients: [] }]));
    for (const user of world.users) {
      const actor = { ...user, token: tokens.get(user.id) };
      if (!actor.token) continue;
      const clinic = byClinic.get(user.clinic_id);
      if (user.role === 'COORDINATOR') clinic.coordinators.push(actor);
      else if (user.provider_id) clinic.providers.push(actor);
    }
    for (const row of world.patients) byClinic.get(row.clinic_id).patients.push(...row.ids);
    this.clinics = [...byClinic.values()].filter((clinic) => clinic.coordinators.length > 0);
    this.byClinic = byClinic;
    this.providerById = new Map();
    for (const clinic of this.clinics) for (const provider of clinic.providers) this.providerById.set(provider.provider_id, provider);
    this.actors = this.clinics.flatMap((clinic) => [...clinic.coordinators, ...clinic.providers]);
    // Targets for new referrals: providers taking new patients, with what they practise.
    this.targets = this.clinics.flatMap((clinic) =>
      clinic.providers.filter((p) => p.accepting_new_patients && p.modalities?.length && p.conditions?.length),
    );
    if (this.targets.length === 0) throw new HarnessError('none of the chosen clinics has a provider taking new patients');
    this.modalities = [...new Set(this.targets.flatMap((p) => p.modalities))];
    this.conditions = [...new Set(this.targets.flatMap((p) => p.conditions))];

    this.pools = { SENT: new Pool(), ACCEPTED: new Pool(), SCHEDULED: new Pool(), IN_TREATMENT: new Pool() };
    for (const row of world.open) {
      if (this.providerById.has(row.to_provider_id)) this.pools[row.status].push(this.toReferral(row));
    }
    this.readable = world.readable.filter((row) => byClinic.has(row.to_clinic_id) || byClinic.has(row.referring_clinic_id));
    if (this.readable.length === 0) throw new HarnessError('no referral of the chosen clinics to read');
    this.seeded = Object.fromEntries(Object.entries(this.pools).map(([status, pool]) => [status, pool.size]));
  }

  toReferral(row) {
    return { id: row.id, toClinicId: row.to_clinic_id, providerId: row.to_provider_id, referringClinicId: row.referring_clinic_id };
  }

  pick(items) {
    return items[Math.floor(this.random() * items.length)];
  }

  /** The next operation of the shuffled deck. */
  nextOp() {
    if (this.position >= this.deck.length) {
      for (let i = this.deck.length - 1; i > 0; i -= 1) {
        const j = Math.floor(this.random() * (i + 1));
        [this.deck[i], this.deck[j]] = [this.deck[j], this.deck[i]];
      }
      this.position = 0;
    }
    const op = this.deck[this.position];
    this.position += 1;
    return op;
  }

  next() {
    const op = this.nextOp();
    return this[op]();
  }

  request(op, query, variables, token, done) {
    return { op, body: JSON.stringify({ query, variables }), token, done };
  }

  /** A coordinator of the clinic if it is one of ours, else null. */
  coordinatorOf(clinicId) {
    const clinic = this.byClinic.get(clinicId);
    return clinic?.coordinators.length ? this.pick(clinic.coordinators) : null;
  }

  // --- reads -------------------------------------------------------------------------------------

  /** One list of the inbox page: received (both lists, what needs action first) or, for coordinators, sent. */
  inbox() {
    const actor = this.pick(this.actors);
    const direction = actor.role === 'COORDINATOR' && this.random() < 0.3 ? 'OUTBOUND' : 'INBOUND';
    const needsAction = this.random() < 0.5;
    return this.request('inbox', ops.INBOX, { filter: { direction, needsAction }, first: 20 }, actor.token);
  }

  /** The referral page, as a coordinator of the receiving clinic, its provider, or the referring clinic. */
  referral() {
    const row = this.pick(this.readable);
    const provider = row.to_provider_id ? this.providerById.get(row.to_provider_id) : null;
    const viewer =
      (provider && this.random() < 0.5 ? provider : null) ?? this.coordinatorOf(row.to_clinic_id) ?? this.coordinatorOf(row.referring_clinic_id) ?? provider;
    return this.request('referral', ops.REFERRAL, { id: row.id }, viewer.token);
  }

  /** The provider picker of the new-referral form, around the coordinator's clinic. */
  matchProviders() {
    const clinic = this.pick(this.clinics);
    const conditions = [this.pick(this.conditions)];
    const input = {
      modality: this.pick(this.modalities),
      conditions,
      techniques: [],
      priority: this.random() < 0.15 ? 'URGENT' : 'ROUTINE',
      near: { latitude: clinic.latitude, longitude: clinic.longitude },
      radiusKm: 50,
      first: 10,
    };
    return this.request('matchProviders', ops.MATCH_PROVIDERS, { input }, this.pick(clinic.coordinators).token);
  }

  // --- writes ------------------------------------------------------------------------------------

  /** A coordinator sends a referral for one of the clinic's patients to a provider of another clinic. */
  createReferral() {
    const target = this.pick(this.targets);
    const clinics = this.clinics.filter((c) => c.id !== target.clinic_id && c.patients.length > 0);
    if (clinics.length === 0) return { op: 'createReferral', skipped: 'no referring clinic with patients' };
    const clinic = this.pick(clinics);
    const actor = this.pick(clinic.coordinators);
    this.sequence += 1;
    const conditions = [...new Set([this.pick(target.conditions), this.pick(target.conditions)])];
    const techniques = target.techniques?.length ? [this.pick(target.techniques)] : [];
    const input = {
      patientId: this.pick(clinic.patients),
      toProviderId: target.provider_id,
      modality: target.modalities[0],
      conditions,
      techniques,
      priority: this.random() < 0.15 ? 'URGENT' : 'ROUTINE',
      reason: 'Persistent pain limiting work and sleep after six weeks of home exercise; needs hands-on treatment and a graded programme.',
      assessment: {
        postureNotes: 'Guarded movement, reduced range on the painful side.',
        rangeOfMotion: [
          { joint: 'shoulder', movement: 'flexion', side: 'RIGHT', measuredDegrees: 135, expectedDegrees: 180, painScore: 5 },
          { joint: 'shoulder', movement: 'abduction', side: 'RIGHT', measuredDegrees: 110, expectedDegrees: 180, painScore: 6 },
        ],
      },
      goals: { longTerm: 'Pain-free daily activities and return to sport within 8 weeks.', shortTerm: ['Pain at most 3/10 by visit 4', 'Independent home programme'] },
      recommendedVisits: 8,
      visitsPerWeek: 2,
      redFlags: 'None reported.',
      consentToShare: true,
      idempotencyKey: `mixed-${this.runId}-${this.sequence}`,
      send: true,
    };
    return this.request('createReferral', ops.CREATE_REFERRAL, { input }, actor.token, (data) => {
      const created = data.createReferral;
      if (created?.status !== 'SENT') return false;
      const referral = { id: created.id, toClinicId: target.clinic_id, providerId: target.provider_id, referringClinicId: clinic.id };
      this.pools.SENT.push(referral);
      this.readable.push({ id: created.id, to_clinic_id: target.clinic_id, to_provider_id: target.provider_id, referring_clinic_id: clinic.id });
      return true;
    });
  }

  /**
   * A move of a referral from `from`'s pool, sent by `who(referral)`; a good answer puts it in
   * the pool of the status it then has (the `status` of the answer, or `to`).
   */
  move(op, from, who, build, to = null) {
    const referral = this.pools[from].take();
    if (!referral) return { op, skipped: `no referral ${from}` };
    const actor = who(referral);
    if (!actor) return { op, skipped: `no signed-in user for the referral` };
    const [query, variables] = build(referral);
    // A failed move drops the referral from the pools: its state is then unknown.
    return this.request(op, query, variables, actor.token, (data) => {
      const status = to ?? Object.values(data)[0]?.status;
      const pool = this.pools[status];
      if (pool) pool.push(referral);
      return Boolean(status);
    });
  }

  provider(referral) {
    return this.providerById.get(referral.providerId) ?? null;
  }

  acceptReferral() {
    // The provider it was sent to accepts, or a coordinator of the receiving clinic for them.
    return this.move('acceptReferral', 'SENT', (r) => (this.random() < 0.7 ? this.provider(r) : null) ?? this.coordinatorOf(r.toClinicId), (r) => [
      ops.ACCEPT,
      { input: { id: r.id } },
    ]);
  }

  scheduleReferral() {
    // The front desk books the first appointment, two to ten days out.
    const days = 2 + Math.floor(this.random() * 9);
    return this.move('scheduleReferral', 'ACCEPTED', (r) => this.coordinatorOf(r.toClinicId) ?? this.provider(r), (r) => [
      ops.SCHEDULE,
      { input: { id: r.id, appointmentAt: new Date(Date.now() + days * 86_400_000).toISOString() } },
    ]);
  }

  setTreatmentPlan() {
    return this.move(
      'setTreatmentPlan',
      'SCHEDULED',
      (r) => this.provider(r),
      (r) => [
        ops.SET_TREATMENT_PLAN,
        {
          input: {
            referralId: r.id,
            longTermGoal: 'Pain-free daily activities and return to sport.',
            plannedVisits: 8,
            visitsPerWeek: 2,
            shortTermGoals: [
              { description: 'Pain at most 3/10 on daily tasks', measure: 'pain score', targetVisit: 4 },
              { description: 'Independent home programme', targetVisit: 6 },
            ],
          },
        },
      ],
      'SCHEDULED',
    );
  }

  startTreatment() {
    return this.move('startTreatment', 'SCHEDULED', (r) => this.provider(r), (r) => [ops.START_TREATMENT, { input: { id: r.id } }]);
  }

  recordVisit() {
    return this.move(
      'recordVisit',
      'IN_TREATMENT',
      (r) => this.provider(r),
      (r) => [
        ops.RECORD_VISIT,
        { input: { referralId: r.id, at: new Date(Date.now() - 60_000).toISOString(), attended: this.random() < 0.92, painScore: Math.floor(this.random() * 8), notes: 'Manual therapy and graded exercise; home programme reviewed.' } },
      ],
      'IN_TREATMENT',
    );
  }

  poolSizes() {
    return Object.fromEntries(Object.entries(this.pools).map(([status, pool]) => [status, pool.size]));
  }
}
/** One log line of who takes part. */
function describeWorld(mix) {
  const staff = mix.clinics.reduce((n, c) => n + c.coordinators.length, 0);
  const providers = mix.clinics.reduce((n, c) => n + c.providers.length, 0);
  log(
    `mix: ${mix.clinics.length} clinics, ${staff} coordinators and ${providers} providers signed in; ` +
      `${mix.readable.length} referrals to read; open episodes ${Object.entries(mix.seeded).map(([s, n]) => `${s} ${n}`).join(', ')}`,
  );
}

module.exports = { MIX, SEED_PASSWORD, loadWorld, signIn, Mix, describeWorld, prng };
