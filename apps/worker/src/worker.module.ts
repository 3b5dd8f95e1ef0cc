import { BullModule, Processor } from '@nestjs/bullmq';
import { AccountHousekeepingModule } from '@referloop/auth';
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, ConfigModule } from '@referloop/core';
import { dataSourceOptions } from '@referloop/database';
import { QueueName, redisOptionsFromUrl } from '@referloop/jobs';
import { LoggingModule, LoggingOptions } from '@referloop/logging';
import { MetricsModule } from '@referloop/metrics';
import { NotificationDeliveryModule } from '@referloop/notifications';
import { ProviderStatsModule } from '@referloop/providers';
import { OutcomeRemindersModule } from '@referloop/episode';
import { ReferralsCoreModule } from '@referloop/referrals';
import { WebhookDeliveryModule } from '@referloop/webhooks';
import { NotificationProcessor } from './processors/notification.processor';
import { ResponseClockProcessor } from './processors/response-clock.processor';
import { WebhookProcessor } from './processors/webhook.processor';
import { RegisteredQueueErrors } from './registered-queue-errors';
import { WorkerHealth } from './health/worker-health';
import { WorkerGauges } from './metrics/worker-gauges';
import { WorkerRuntime } from './worker-runtime';

/**
 * @Processor options are decorator metadata, read when @nestjs/bullmq creates the workers; they
 * depend on configuration, so the decorator is applied here, once the config is known.
 * `autorun: false`: WorkerRuntime starts consuming only after its start-up checks.
 */
function applyProcessorOptions(config: AppConfig): void {
  const options = {
    autorun: false,
    concurrency: config.worker.concurrency,
    lockDuration: config.worker.lockDurationMs,
    stalledInterval: config.worker.stalledIntervalMs,
    maxStalledCount: 1,
  };
  // Emails wait mostly on SMTP and PostgreSQL, and grouping needs many in flight: their own setting.
  Processor(QueueName.NOTIFICATIONS, { ...options, concurrency: config.mail.concurrency })(NotificationProcessor);
  Processor(QueueName.RESPONSE_CLOCK, options)(ResponseClockProcessor);
  Processor(QueueName.WEBHOOKS, options)(WebhookProcessor);
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logging: LoggingOptions = {}): DynamicModule {
    applyProcessorOptions(config);
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, logging),
        MetricsModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements, applicationName: 'referloop-worker' }),
          migrationsRun: false,
        }),
        // Workers block on Redis and must retry forever across outages: no per-request retry cap.
        BullModule.forRoot({ connection: { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null }, prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: QueueName.NOTIFICATIONS }, { name: QueueName.RESPONSE_CLOCK }, { name: QueueName.WEBHOOKS }),
        ReferralsCoreModule,
        OutcomeRemindersModule,
        NotificationDeliveryModule,
        ProviderStatsModule,
        AccountHousekeepingModule,
        WebhookDeliveryModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      providers: [NotificationProcessor, ResponseClockProcessor, WebhookProcessor, RegisteredQueueErrors, WorkerRuntime, WorkerHealth, WorkerGauges],
    };
  }
}
