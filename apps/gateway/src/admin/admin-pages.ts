import { escapeHtml } from '@referloop/notifications';

/** The sign-in page of the admin pages: a plain form, no script, posting back to the gateway. */
export function signInPage(message: string | null): string {
  const notice = message === null ? '' : `<p role="alert">${escapeHtml(message)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>ReferLoop admin</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0}input{width:100%;padding:.4rem}button{padding:.5rem 1rem}</style>
</head><body><h1>ReferLoop admin</h1><p>Platform admins only: the job queues.</p>${notice}
<form method="post" action="/admin/login"><label>Email <input name="email" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<label>Authenticator code <input name="code" inputmode="numeric" autocomplete="one-time-code"></label><button type="submit">Sign in</button></form>
</body></html>`;
}
