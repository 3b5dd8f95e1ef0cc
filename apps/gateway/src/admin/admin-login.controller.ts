import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginService, SessionService } from '@referloop/auth';
import { Public, UserRole } from '@referloop/common';
import { clientAddress, DomainError, ErrorCode } from '@referloop/core';
import { signInPage } from './admin-pages';
import { AdminSession } from './admin-session';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

/**
 * Signing in to the admin pages with a platform admin's email and password, through the same
 * login as the API (throttled, audited the same way), opening a session like any sign-in. The
 * access token goes into an HttpOnly, SameSite=Strict cookie limited to /admin, so no script and
 * no other site can use it; it is not renewed, so the admin signs in again when it expires, and
 * the session ends with it. Signing out ends it sooner.
 */
@Controller('admin')
export class AdminLoginController {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
    private readonly session: AdminSession,
  ) {}

  @Public()
  @Get('login')
  async form(@Res() reply: FastifyReply): Promise<void> {
    await this.page(reply, 200, null);
  }

  @Public()
  @Post('login')
  async signIn(@Body() body: { email?: unknown; password?: unknown; code?: unknown } | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const email = typeof body?.email === 'string' ? body.email : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const code = typeof body?.code === 'string' ? body.code.trim() : '';
    try {
      const origin = { ipAddress: clientAddress(request.ip), userAgent: request.headers['user-agent'] };
      const user = await this.logins.authenticate(email, password, origin.ipAddress);
      if (user.role !== UserRole.PLATFORM_ADMIN) return await this.page(reply, 403, 'Only platform admins may open the admin pages.');
      let signedIn = await this.sessions.open(user, origin);
      // Platform admins sign in here with their second factor too, in the same form.
      if (signedIn.twoFactorChallenge) {
        if (!code) return await this.page(reply, 401, 'Enter the code from your authenticator app as well.');
        signedIn = await this.sessions.verifySignInCode(signedIn.twoFactorChallenge.token, code, { ...origin, authorization: undefined, cookies: new Map(), setCookie: () => undefined });
      }
      const { accessToken, expiresAt } = signedIn;
      if (signedIn.mustEnrolTwoFactor || !accessToken || !expiresAt) {
        await this.sessions.endTokenSession(accessToken ? `Bearer ${accessToken}` : undefined);
        return await this.page(reply, 403, 'Turn on two-factor sign-in in the web app first (Account menu), then sign in here.');
      }
      await this.sessions.endWithToken(accessToken);
      await reply.status(303).header('set-cookie', this.session.cookieFor(accessToken, expiresAt)).header('location', QUEUE_DASHBOARD_PATH).send();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TOO_MANY_REQUESTS) return await this.page(reply, 429, 'Too many attempts; try again later.');
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) return await this.page(reply, 401, 'That authenticator code is not right.');
      if (error instanceof DomainError) return await this.page(reply, 401, 'Wrong email or password.');
      throw error;
    }
  }

  @Public()
  @Post('logout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.session.tokenIn(request.headers);
    if (token) await this.sessions.endTokenSession(`Bearer ${token}`);
    await reply.status(303).header('set-cookie', this.session.clearedCookie()).header('location', '/admin/login').send();
  }

  private async page(reply: FastifyReply, status: number, message: string | null): Promise<void> {
    await reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(signInPage(message));
  }
}
