import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { preloadPageAt } from './routes';
import { resumeSession } from './session/session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
preloadPageAt(window.location.pathname);
void resumeSession();
