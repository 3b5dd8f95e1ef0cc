import { Module } from '@nestjs/common';
import { AccountHousekeeping } from './account-housekeeping';

/** The account tables' periodic purge, for the worker, which runs it (and nothing else of accounts). */
@Module({ providers: [AccountHousekeeping], exports: [AccountHousekeeping] })
export class AccountHousekeepingModule {}
