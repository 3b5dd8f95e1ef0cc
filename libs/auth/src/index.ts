export * from './auth.module';
export * from './user.model';
export * from './user.repository';
export * from './password-hasher';
export * from './token.service';
export * from './login.service';
export { SESSION_COOKIE } from './sessions/session-cookie';
export { SessionService } from './sessions/session.service';
