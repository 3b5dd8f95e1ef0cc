import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UserRole } from '@referloop/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { hashPassword } from './password-hasher';
import { UserRepository } from './user.repository';

/** Creates the first platform admin from configuration when none exists yet. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.platformAdminExists())) return;
    // Replicas starting together race here; the unique email index lets exactly one insert win.
    const created = await this.users.insert({
      email: admin.email,
      passwordHash: await hashPassword(admin.password),
      displayName: 'Platform admin',
      role: UserRole.PLATFORM_ADMIN,
      clinicId: null,
    });
    // By id: an email address is personal data, and logs are kept and shipped elsewhere.
    if (created) this.logger.log(`Created the first platform admin (user ${created.id})`);
  }
}
