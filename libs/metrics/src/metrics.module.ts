import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One Metrics per application, injectable everywhere. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
