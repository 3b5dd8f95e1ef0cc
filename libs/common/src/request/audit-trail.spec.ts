import { AuditTrail } from './audit-trail';

describe('AuditTrail: an entry written with a change', () => {
  const trailNaming = (referralId: string, patientId: string) => {
    const trail = new AuditTrail();
    trail.touchReferralAndPatient(referralId, patientId, 'clinic-a', 'clinic-b');
    return trail;
  };

  it('needs an entry once it names something, and none while it is empty', () => {
    const trail = new AuditTrail();
    expect(trail.needsEntry).toBe(false);
    trail.touchPatient('p1', 'clinic-a');
    expect(trail.needsEntry).toBe(true);
  });

  it('a copy is separate: what is added to it is not on the trail until recorded', () => {
    const trail = trailNaming('r1', 'p1');
    trail.operation = 'mutation acceptReferral';
    const written = trail.copy();
    written.touchReferralAndPatient('r2', 'p2', 'clinic-a', null);
    expect(written.operation).toBe('mutation acceptReferral');
    expect([...trail.referralIds]).toEqual(['r1']);
    expect([...written.referralIds]).toEqual(['r1', 'r2']);
  });

  it('needs no entry of its own once an entry holding all it names was recorded', () => {
    const trail = new AuditTrail();
    const written = trail.copy();
    written.touchReferralAndPatient('r1', 'p1', 'clinic-a', 'clinic-b');
    trail.recorded(written);
    expect(trail.needsEntry).toBe(false);
    expect(trail.subjects()).toEqual(written.subjects());
    // Naming the same again (the answer shows the changed referral) adds nothing.
    trail.touchReferralAndPatient('r1', 'p1', 'clinic-a', 'clinic-b');
    expect(trail.needsEntry).toBe(false);
  });

  it('needs an entry again when the request goes on to name more, even only another clinic filing', () => {
    const trail = new AuditTrail();
    const written = trail.copy();
    written.touchReferralAndPatient('r1', 'p1', 'clinic-a', null);
    trail.recorded(written);
    trail.touchReferral('r1', 'clinic-b');
    expect(trail.needsEntry).toBe(true);
  });

  it('a trail that named more before the change than the entry holds still needs its own', () => {
    const trail = trailNaming('r0', 'p0');
    const written = new AuditTrail();
    written.touchReferralAndPatient('r1', 'p1', 'clinic-a', null);
    trail.recorded(written);
    expect(trail.needsEntry).toBe(true);
    expect([...trail.referralIds].sort()).toEqual(['r0', 'r1']);
  });
});
