import { Module } from '@nestjs/common';
import { AuditModule } from '@referloop/audit';
import { AuthModule } from '@referloop/auth';
import { LiveConnections } from './live-connections';

/** What the GraphQL module needs to authenticate live connections (it is configured before the rest of the app). */
@Module({ imports: [AuthModule, AuditModule], providers: [LiveConnections], exports: [LiveConnections] })
export class LiveModule {}
