import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClinicsModule } from '@referloop/clinics';
import { NotificationsModule } from '@referloop/notifications';
import { AccountLinkRepository } from './accounts/account-link.repository';
import { AccountLinksService } from './accounts/account-links.service';
import { AccountsResolver } from './accounts/accounts.resolver';
import { InvitationService } from './accounts/invitations.service';
import { PasswordResetService } from './accounts/password-reset.service';
import { ResetThrottle } from './accounts/reset-throttle';
import { LinkPassword } from './accounts/link-password';
import { SecondFactorService } from './two-factor/second-factor.service';
import { TotpSecretBox } from './two-factor/totp-secret-box';
import { TwoFactorRepository } from './two-factor/two-factor.repository';
import { TwoFactorResolver } from './two-factor/two-factor.resolver';
import { TwoFactorService } from './two-factor/two-factor.service';
import { AccountEvents } from './events/account-events';
import { AccountEventsResolver } from './events/account-events.resolver';
import { UserAdminResolver } from './accounts/user-admin.resolver';
import { UserAdminService } from './accounts/user-admin.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { BootstrapAdmin } from './bootstrap-admin';
import { LoginThrottle } from './login-throttle';
import { LoginService } from './login.service';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';
import { UserFieldsResolver } from './user-fields.resolver';
import { SessionService } from './sessions/session.service';
import { SessionCookie } from './sessions/session-cookie';
import { SessionRepository } from './sessions/session.repository';
import { SessionsResolver } from './sessions/sessions.resolver';

@Module({
  imports: [ClinicsModule, NotificationsModule],
  providers: [
    UserRepository,
    UserService,
    TokenService,
    LoginThrottle,
    LoginService,
    SessionRepository,
    SessionCookie,
    SessionService,
    BootstrapAdmin,
    AuthResolver,
    UserFieldsResolver,
    SessionsResolver,
    AccountLinkRepository,
    AccountLinksService,
    InvitationService,
    PasswordResetService,
    ResetThrottle,
    AccountsResolver,
    LinkPassword,
    TwoFactorRepository,
    TotpSecretBox,
    SecondFactorService,
    TwoFactorService,
    TwoFactorResolver,
    AccountEvents,
    AccountEventsResolver,
    UserAdminService,
    UserAdminResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UserRepository, TokenService, LoginService, SessionService],
})
export class AuthModule {}
