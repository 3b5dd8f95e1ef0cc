import { Module } from '@nestjs/common';
import { AuditPlugin } from './audit.plugin';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';

@Module({ providers: [AuditRepository, AuditPlugin, AuditResolver] })
export class AuditModule {}
