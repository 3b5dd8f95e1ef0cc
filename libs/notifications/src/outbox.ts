import { JobName, jobRequest, JobRequest } from '@referloop/jobs';

/** The send jobs for notifications that were just committed (written by `outboxStatement`, with the change that asked for them). */
export const sendJobs = (notificationIds: readonly string[]): JobRequest[] =>
  notificationIds.map((notificationId) => jobRequest(JobName.SEND_NOTIFICATION, { notificationId }));
