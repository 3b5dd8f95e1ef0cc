import { ALL_JOB_NAMES, JOB_ID, JOB_QUEUE, JobName, JobPayloads, jobRequest, QueueName } from './job-catalogue';

const referralId = '5f0e8a3c-9d41-4b6e-8f27-1c3a9e0d7b54';
const notificationId = 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

/** One payload per job; the mapped type makes a new job without a sample a compile error. */
const SAMPLES: { [K in JobName]: JobPayloads[K] } = {
  [JobName.SEND_NOTIFICATION]: { notificationId },
  [JobName.REMIND_RECEIVER]: { referralId, clockSeq: 2 },
  [JobName.EXPIRE_REFERRAL]: { referralId, clockSeq: 2 },
  [JobName.DELIVER_WEBHOOK]: { deliveryId: notificationId, attempt: 3 },
};

const idOf = (name: JobName, payload: unknown) => (JOB_ID[name] as (payload: unknown) => string)(payload);

describe('job catalogue', () => {
  it('lists every job name', () => {
    expect([...ALL_JOB_NAMES].sort()).toEqual(Object.values(JobName).sort());
  });

  it.each(Object.values(JobName))('gives %s a queue of the catalogue and an id function', (name) => {
    expect(Object.values(QueueName)).toContain(JOB_QUEUE[name]);
    expect(typeof JOB_ID[name]).toBe('function');
  });

  it('puts sending on the notifications queue, the timers on the response-clock queue and webhooks on their own', () => {
    expect(JOB_QUEUE).toEqual({
      [JobName.SEND_NOTIFICATION]: QueueName.NOTIFICATIONS,
      [JobName.REMIND_RECEIVER]: QueueName.RESPONSE_CLOCK,
      [JobName.EXPIRE_REFERRAL]: QueueName.RESPONSE_CLOCK,
      [JobName.DELIVER_WEBHOOK]: QueueName.WEBHOOKS,
    });
  });

  it.each(Object.values(JobName))('makes ids for %s without ":" (BullMQ joins its keys with it)', (name) => {
    expect(idOf(name, SAMPLES[name])).not.toContain(':');
  });

  it.each(Object.values(JobName))('makes the same id for the same %s payload, so enqueueing twice yields one job', (name) => {
    expect(idOf(name, structuredClone(SAMPLES[name]))).toBe(idOf(name, SAMPLES[name]));
  });

  it('uses the notification id as the send job id', () => {
    expect(idOf(JobName.SEND_NOTIFICATION, { notificationId })).toBe(notificationId);
  });

  it('gives the reminder and the expiry of one clock run different ids, and each run of the clock its own', () => {
    const ids = [1, 2].flatMap((clockSeq) => [
      idOf(JobName.REMIND_RECEIVER, { referralId, clockSeq }),
      idOf(JobName.EXPIRE_REFERRAL, { referralId, clockSeq }),
    ]);
    expect(new Set(ids).size).toBe(4);
  });

  it('builds a request with its payload and run time', () => {
    const runAt = new Date('2031-01-01T00:00:00Z');
    expect(jobRequest(JobName.EXPIRE_REFERRAL, { referralId, clockSeq: 1 }, runAt)).toEqual({
      name: JobName.EXPIRE_REFERRAL,
      payload: { referralId, clockSeq: 1 },
      runAt,
    });
  });
});
