import { useCallback, useEffect, useState } from 'react';

/**
 * The token of an emailed link (an invitation, a password reset) arrives after `#`, which no
 * browser sends to a server. It is taken off the address at once, so it stays out of the
 * history, bookmarks and screenshots, and kept here in memory only, per page, for as long as the
 * page needs it (React may ask twice while the page first renders).
 */
let taken: { path: string; token: string } | null = null;

function takeLinkToken(): string | null {
  const { hash, pathname, search } = window.location;
  const token = hash.slice(1);
  if (token) {
    taken = { path: pathname, token };
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }
  return taken?.path === pathname ? taken.token : null;
}

/**
 * The page's link token, and a way to be done with it (used, or found not to work). A link
 * pasted into a tab already showing the page changes only the `#` part: it is taken too.
 */
export function useLinkToken(): [token: string | null, forget: () => void] {
  const [token, setToken] = useState(takeLinkToken);
  useEffect(() => {
    const pasted = () => {
      const next = takeLinkToken();
      if (next) setToken(next);
    };
    window.addEventListener('hashchange', pasted);
    return () => {
      window.removeEventListener('hashchange', pasted);
      // Leaving the page: coming back to it later starts without the token.
      taken = null;
    };
  }, []);
  const forget = useCallback(() => {
    taken = null;
    setToken(null);
  }, []);
  return [token, forget];
}
