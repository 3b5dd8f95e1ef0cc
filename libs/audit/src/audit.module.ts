import { Module } from '@nestjs/common';
import { AuditPlugin } from './audit.plugin';
import { AuditWriter } from './audit-writer';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';

@Module({ providers: [AuditRepository, AuditWriter, AuditPlugin, AuditResolver], exports: [AuditWriter] })
export class AuditModule {}
