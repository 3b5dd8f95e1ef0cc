import { AuditTrail, UserRole } from '@referloop/common';
import { AuditWriter } from './audit-writer';
import { AuditEntryRecord } from './audit-entry-sql';
import { AuditRepository } from './audit.repository';

const actor = { userId: 'u1', role: UserRole.COORDINATOR, clinicId: 'c1', providerId: null, sessionId: null, ipAddress: '127.0.0.1' };

function trail(referralId: string): AuditTrail {
  const t = new AuditTrail();
  t.touchReferral(referralId, 'c1');
  return t;
}

/** A repository whose inserts complete only when the test says so. */
function controllableRepository() {
  const calls: { entries: AuditEntryRecord[]; finish: (error?: Error) => void }[] = [];
  const repository = {
    insertMany: jest.fn(
      (entries: AuditEntryRecord[]) =>
        new Promise<void>((resolve, reject) => calls.push({ entries, finish: (error) => (error ? reject(error) : resolve()) })),
    ),
  };
  return { calls, writer: new AuditWriter(repository as unknown as AuditRepository) };
}

describe('AuditWriter', () => {
  it('stores the first entry at once and the ones that arrive meanwhile together, resolving each after its own insert', async () => {
    const { calls, writer } = controllableRepository();
    const first = writer.write(actor, trail('r1'));
    expect(calls).toHaveLength(1);
    const later = [writer.write(actor, trail('r2')), writer.write(actor, trail('r3')), writer.write(actor, trail('r4'))];
    expect(calls).toHaveLength(1);

    let laterDone = false;
    void Promise.all(later).then(() => (laterDone = true));
    calls[0].finish();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    expect(calls[1].entries.map((entry) => entry.referralIds[0])).toEqual(['r2', 'r3', 'r4']);
    expect(laterDone).toBe(false);
    calls[1].finish();
    await Promise.all(later);
  });

  it('retries a failed batch entry by entry, failing only the entries that fail again, and keeps going', async () => {
    const { calls, writer } = controllableRepository();
    const first = writer.write(actor, trail('r1'));
    const batch = [writer.write(actor, trail('r2')), writer.write(actor, trail('r3'))];
    calls[0].finish();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    calls[1].finish(new Error('connection reset'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.slice(2).map((call) => call.entries.map((entry) => entry.referralIds[0]))).toEqual([['r2'], ['r3']]);
    calls[2].finish();
    calls[3].finish(new Error('still failing'));
    await expect(batch[0]).resolves.toBeUndefined();
    await expect(batch[1]).rejects.toThrow('still failing');
    const next = writer.write(actor, trail('r4'));
    expect(calls).toHaveLength(5);
    calls[4].finish();
    await expect(next).resolves.toBeUndefined();
  });
});
