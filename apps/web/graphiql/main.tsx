import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { sessionFetcher } from './fetcher';
import { SessionStatus, watchSession } from './session';

const DEFAULT_QUERY = `# Signed in as the web app's user (sign in at / first).
query me {
  me {
    displayName
    role
  }
}
`;

/** Says when requests go without a session, and how to get one. */
function SessionHint() {
  const [status, setStatus] = useState<SessionStatus>('unknown');
  useEffect(() => watchSession(setStatus), []);
  if (status !== 'signed-out') return null;
  return (
    <p className="session-hint" role="status">
      Not signed in: requests go without a user. <a href="/">Sign in to the web app first</a>, then run the query again.
    </p>
  );
}

const root = document.getElementById('graphiql');
if (!root) throw new Error('index.html has no #graphiql element');
createRoot(root).render(
  <StrictMode>
    <div className="page">
      <SessionHint />
      <GraphiQL fetcher={sessionFetcher} defaultQuery={DEFAULT_QUERY} />
    </div>
  </StrictMode>,
);
