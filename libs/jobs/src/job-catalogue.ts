/**
 * Every queue, job name and payload in one place. Payloads carry ids only: a handler re-reads
 * the row, so a job that runs late, twice, or after the row moved on still does the right
 * thing (or nothing).
 */
export enum QueueName {
  NOTIFICATIONS = 'notifications',
  RESPONSE_CLOCK = 'response-clock',
  WEBHOOKS = 'webhooks',
}

export enum JobName {
  SEND_NOTIFICATION = 'send-notification',
  REMIND_RECEIVER = 'remind-receiver',
  EXPIRE_REFERRAL = 'expire-referral',
  DELIVER_WEBHOOK = 'deliver-webhook',
}

export interface JobPayloads {
  [JobName.SEND_NOTIFICATION]: { notificationId: string };
  /** `clockSeq` names the run of the referral's response clock the timer was armed for. */
  [JobName.REMIND_RECEIVER]: { referralId: string; clockSeq: number };
  [JobName.EXPIRE_REFERRAL]: { referralId: string; clockSeq: number };
  /**
   * `attempt` is the delivery's attempt this job makes (1, 2, …): each retry is a new job, due at
   * the time the schedule (or the receiver's Retry-After) says, and one that finds the attempt
   * made already does nothing.
   */
  [JobName.DELIVER_WEBHOOK]: { deliveryId: string; attempt: number };
}

export const JOB_QUEUE: { readonly [K in JobName]: QueueName } = {
  [JobName.SEND_NOTIFICATION]: QueueName.NOTIFICATIONS,
  [JobName.REMIND_RECEIVER]: QueueName.RESPONSE_CLOCK,
  [JobName.EXPIRE_REFERRAL]: QueueName.RESPONSE_CLOCK,
  [JobName.DELIVER_WEBHOOK]: QueueName.WEBHOOKS,
};

/**
 * Deterministic job ids, so enqueueing the same thing twice (gateway and relay, or two sweeps)
 * yields one job. BullMQ builds Redis keys with ':', so ids never contain one.
 */
export const JOB_ID: { readonly [K in JobName]: (payload: JobPayloads[K]) => string } = {
  [JobName.SEND_NOTIFICATION]: ({ notificationId }) => notificationId,
  [JobName.REMIND_RECEIVER]: ({ referralId, clockSeq }) => `reminder-${referralId}-${clockSeq}`,
  [JobName.EXPIRE_REFERRAL]: ({ referralId, clockSeq }) => `expiry-${referralId}-${clockSeq}`,
  [JobName.DELIVER_WEBHOOK]: ({ deliveryId, attempt }) => `webhook-${deliveryId}-${attempt}`,
};

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);

export interface JobRequest<K extends JobName = JobName> {
  name: K;
  payload: JobPayloads[K];
  /** Run no earlier than this. */
  runAt?: Date;
}

export const jobRequest = <K extends JobName>(name: K, payload: JobPayloads[K], runAt?: Date): JobRequest<K> => ({ name, payload, runAt });
