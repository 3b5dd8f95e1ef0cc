import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The token of an emailed link (an invitation, a password reset), which arrives after `#`: no
 * browser sends that part to a server. The page keeps it in memory only, and takes it off the
 * address at once (through the router, so nothing built from its location can put it back),
 * which keeps it out of the history, bookmarks and screenshots. A link pasted into a tab already
 * showing the page changes only the `#` part: its token replaces the one held. `forget` is for
 * when the page is done with it.
 */
export function useLinkToken(): [token: string | null, forget: () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const fromAddress = location.hash.slice(1) || null;
  const [token, setToken] = useState(fromAddress);
  if (fromAddress !== null && fromAddress !== token) setToken(fromAddress);
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location, navigate]);
  const forget = useCallback(() => setToken(null), []);
  return [token, forget];
}
