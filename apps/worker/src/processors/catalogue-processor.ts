import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { ALL_JOB_NAMES, JOB_QUEUE, JobName, JobPayloads, QueueName } from '@referloop/jobs';

export type JobHandler<K extends JobName> = (job: Job<JobPayloads[K]>, token?: string) => Promise<unknown>;
export type HandlerTable = { readonly [K in JobName]?: JobHandler<K> };

/**
 * A processor for one queue of the catalogue. It dispatches by job name to its handler table,
 * which is also what the start-up check reads: a job name nobody handles stops the worker
 * from starting, instead of failing its jobs one by one in production.
 */
export abstract class CatalogueProcessor extends WorkerHost {
  abstract readonly queueName: QueueName;
  protected abstract readonly handlers: HandlerTable;

  handledJobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as JobHandler<JobName> | undefined;
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue ${this.queueName}`);
    return handler(job, token);
  }
}

/** Throws, naming them, if any catalogue job lacks a handler or is handled on the wrong queue. */
export function assertEveryJobHandled(processors: readonly CatalogueProcessor[]): void {
  const handled = new Set<JobName>();
  for (const processor of processors) {
    for (const name of processor.handledJobs()) {
      if (JOB_QUEUE[name] !== processor.queueName) {
        throw new Error(`Job "${name}" belongs to queue ${JOB_QUEUE[name]} but is handled on ${processor.queueName}`);
      }
      handled.add(name);
    }
  }
  const missing = ALL_JOB_NAMES.filter((name) => !handled.has(name));
  if (missing.length > 0) throw new Error(`Refusing to start: no handler for job(s) ${missing.join(', ')}`);
}
