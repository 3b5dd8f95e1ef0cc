import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClinicsModule } from '@referloop/clinics';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { BootstrapAdmin } from './bootstrap-admin';
import { LoginThrottle } from './login-throttle';
import { LoginService } from './login.service';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';
import { UserFieldsResolver } from './user-fields.resolver';
import { BrowserSessions } from './sessions/browser-sessions.service';
import { SessionCookie } from './sessions/session-cookie';
import { SessionRepository } from './sessions/session.repository';
import { SessionsResolver } from './sessions/sessions.resolver';

@Module({
  imports: [ClinicsModule],
  providers: [
    UserRepository,
    UserService,
    TokenService,
    LoginThrottle,
    LoginService,
    SessionRepository,
    SessionCookie,
    BrowserSessions,
    BootstrapAdmin,
    AuthResolver,
    UserFieldsResolver,
    SessionsResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UserRepository, TokenService, LoginService],
})
export class AuthModule {}
