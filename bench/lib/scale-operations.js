'use strict';
/**
 * The five reads `npm run bench:scale` times at each size, as a client sends them, and whom
 * each is sent as: the busiest clinic's coordinator (its inbox, its whole list, one of its
 * patients' referrals, its month of statistics), its clinic admin and the platform admin (one
 * patient's audit trail; the whole network's month of statistics).
 */

const LIST_FIELDS = `totalCount
    edges { node { id reference status priority createdAt patient { firstName lastName } toProvider { displayName } availableActions } }
    pageInfo { endCursor hasNextPage }`;

const INBOX = `query Inbox { referrals(filter: { direction: INBOUND }, first: 20) { ${LIST_FIELDS} } }`;
const BOTH_DIRECTIONS = `query Referrals { referrals(first: 20) { ${LIST_FIELDS} } }`;
const PATIENT_REFERRALS = `query PatientsReferrals($patientId: ID!) { referrals(filter: { patientId: $patientId }, first: 20) { ${LIST_FIELDS} } }`;
/** The statistics page's document, as the web app sends it. */
const STATS = `query StatsPageReferralStats($input: ReferralStatsInput!) {
  referralStats(input: $input) {
    from to total accepted declined expired completed leaked loopsClosed acceptanceRate completionRate leakageRate loopClosedRate
    goalsMetShare shortTermGoalsMetShare meanVisitsUsed meanVisitsPlanned
    timeToAcceptHours { measured median p90 } timeToFirstVisitHours { measured median p90 } byStatus { status count }
  }
}`;
const AUDIT = `query AuditEntries($patientId: ID!) {
  auditEntries(filter: { patientId: $patientId }, first: 20) {
    totalCount
    edges { node { id actorId actorRole operation patientIds referralIds at } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** The last whole calendar month (UTC) before `now`. */
function lastMonth(now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * The operations for `subjects` (see pickSubjects): name, who sends it (a key of the tokens),
 * the document, its variables and a check that the answer is what a client would show.
 */
function scaleOperations(subjects) {
  const month = lastMonth();
  const nonEmpty = (field) => (data) => data[field].edges.length > 0;
  return [
    { name: 'inbox (INBOUND, totalCount)', as: 'coordinator', query: INBOX, variables: {}, check: nonEmpty('referrals') },
    { name: 'list, both directions (totalCount)', as: 'coordinator', query: BOTH_DIRECTIONS, variables: {}, check: nonEmpty('referrals') },
    { name: "a patient's referrals", as: 'coordinator', query: PATIENT_REFERRALS, variables: { patientId: subjects.patientId }, check: nonEmpty('referrals') },
    {
      name: 'referralStats, a month (clinic)',
      as: 'coordinator',
      query: STATS,
      variables: { input: { clinicId: subjects.clinicId, ...month } },
      check: (data) => data.referralStats.total > 0,
    },
    { name: 'referralStats, a month (platform)', as: 'platformAdmin', query: STATS, variables: { input: month }, check: (data) => data.referralStats.total > 0 },
    { name: 'auditEntries, a patient (clinic admin)', as: 'clinicAdmin', query: AUDIT, variables: { patientId: subjects.patientId }, check: nonEmpty('auditEntries') },
    { name: 'auditEntries, a patient (platform)', as: 'platformAdmin', query: AUDIT, variables: { patientId: subjects.patientId }, check: nonEmpty('auditEntries') },
  ];
}

/**
 * Whom to ask as, chosen so the figures are honest: the clinic that receives the most referrals
 * (the largest inbox), its first coordinator and its clinic admin, and of its patients the one
 * with the most referrals.
 */
async function pickSubjects(client) {
  const { rows: [clinic] } = await client.query(
    `SELECT to_clinic_id AS id, count(*)::int AS inbound FROM referrals WHERE status <> 'DRAFT' AND to_clinic_id IS NOT NULL
      GROUP BY to_clinic_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const user = async (role) =>
    (await client.query(`SELECT email FROM users WHERE clinic_id = $1 AND role = $2 ORDER BY email LIMIT 1`, [clinic.id, role])).rows[0].email;
  const { rows: [patient] } = await client.query(
    `SELECT r.patient_id AS id, count(*)::int AS referrals FROM referrals r JOIN patients p ON p.id = r.patient_id
      WHERE p.clinic_id = $1 GROUP BY r.patient_id ORDER BY count(*) DESC, r.patient_id LIMIT 1`,
    [clinic.id],
  );
  const { rows: [audit] } = await client.query(`SELECT count(*)::int AS n FROM audit_entries WHERE patient_ids @> ARRAY[$1]::uuid[]`, [patient.id]);
  return {
    clinicId: clinic.id,
    inbound: clinic.inbound,
    coordinatorEmail: await user('COORDINATOR'),
    clinicAdminEmail: await user('CLINIC_ADMIN'),
    patientId: patient.id,
    patientReferrals: patient.referrals,
    patientAuditEntries: audit.n,
  };
}

module.exports = { scaleOperations, pickSubjects, lastMonth };
