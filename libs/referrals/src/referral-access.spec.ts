import { Actor, UserRole } from '@referloop/common';
import { Party, ReferralStatus } from '@referloop/lifecycle';
import { partiesOf, ReferralParticipants } from './referral-access';

const CLINIC_A = 'a0000000-0000-4000-8000-000000000001';
const CLINIC_B = 'b0000000-0000-4000-8000-000000000002';

const actor = (role: UserRole, clinicId: string | null, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u0000000-0000-4000-8000-000000000000',
  role,
  clinicId,
  providerId: null,
  sessionId: null,
  ipAddress: null,
  ...extra,
});

const SENT_AT = new Date('2026-03-02T09:00:00Z');

/** A referral in `status`, sent unless a draft (a draft cancelled unsent says `sentAt: null`). */
const referral = (status: ReferralStatus, extra: Partial<ReferralParticipants> = {}): ReferralParticipants => ({
  status,
  sentAt: status === ReferralStatus.DRAFT ? null : SENT_AT,
  referringClinicId: CLINIC_A,
  referringUserId: 'referrer-user',
  referringProviderId: null,
  toProviderId: 'target-provider',
  toClinicId: CLINIC_B,
  ...extra,
});

describe('partiesOf', () => {
  it("makes the referring clinic's staff the REFERRER", () => {
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_A), referral(ReferralStatus.SENT))).toEqual(new Set([Party.REFERRER]));
    expect(partiesOf(actor(UserRole.CLINIC_ADMIN, CLINIC_A), referral(ReferralStatus.DRAFT))).toEqual(new Set([Party.REFERRER]));
  });

  it("makes the receiving clinic's staff RECEIVER_STAFF once sent, and nothing on a draft", () => {
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_B), referral(ReferralStatus.SENT))).toEqual(new Set([Party.RECEIVER_STAFF]));
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_B), referral(ReferralStatus.DRAFT)).size).toBe(0);
  });

  it('gives the receiving side nothing of a draft cancelled before it was ever sent, though it names them', () => {
    const cancelledUnsent = referral(ReferralStatus.CANCELLED, { sentAt: null });
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_B), cancelledUnsent).size).toBe(0);
    expect(partiesOf(actor(UserRole.PROVIDER, CLINIC_B, { providerId: 'target-provider' }), cancelledUnsent).size).toBe(0);
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_A), cancelledUnsent)).toEqual(new Set([Party.REFERRER]));
    // Cancelled after it was sent: the receiver still sees it.
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_B), referral(ReferralStatus.CANCELLED))).toEqual(new Set([Party.RECEIVER_STAFF]));
  });

  it('puts staff of a clinic referring to its own provider on both sides', () => {
    const internal = referral(ReferralStatus.SENT, { toClinicId: CLINIC_A });
    expect(partiesOf(actor(UserRole.COORDINATOR, CLINIC_A), internal)).toEqual(new Set([Party.REFERRER, Party.RECEIVER_STAFF]));
  });

  it('makes the target provider TARGET_PROVIDER and the referring user REFERRER', () => {
    const provider = actor(UserRole.PROVIDER, CLINIC_B, { providerId: 'target-provider' });
    expect(partiesOf(provider, referral(ReferralStatus.ACCEPTED))).toEqual(new Set([Party.TARGET_PROVIDER]));
    expect(partiesOf(provider, referral(ReferralStatus.DRAFT)).size).toBe(0);
    const referrer = actor(UserRole.PROVIDER, CLINIC_A, { userId: 'referrer-user', providerId: 'p-a' });
    expect(partiesOf(referrer, referral(ReferralStatus.SENT))).toEqual(new Set([Party.REFERRER]));
  });

  it('gives an unrelated provider, another clinic and platform admins no party', () => {
    expect(partiesOf(actor(UserRole.PROVIDER, CLINIC_B, { providerId: 'someone-else' }), referral(ReferralStatus.SENT)).size).toBe(0);
    expect(partiesOf(actor(UserRole.COORDINATOR, 'c0000000-0000-4000-8000-000000000003'), referral(ReferralStatus.SENT)).size).toBe(0);
    expect(partiesOf(actor(UserRole.PLATFORM_ADMIN, null), referral(ReferralStatus.SENT)).size).toBe(0);
  });

  it('does not make a provider a receiver because they work at the receiving clinic', () => {
    expect(partiesOf(actor(UserRole.PROVIDER, CLINIC_B, { providerId: 'colleague' }), referral(ReferralStatus.SENT)).size).toBe(0);
  });
});
