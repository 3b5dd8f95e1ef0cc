import { DEMO_PASSWORD, SIGN_IN_AS } from './demo-accounts';
import type { DemoDataState } from './load-demo-data';

/**
 * What a development gateway prints once it listens, every time: where the web app is and, with
 * the demo data in the database, whom to sign in as. Lines for a person at a terminal; the
 * first, the address alone, is also fit for a log.
 */
export function signInLines(publicUrl: string, demoData: DemoDataState | 'off'): string[] {
  const lines = [`Web app: ${publicUrl}/  ·  GraphiQL: ${publicUrl}/graphql`];
  if (demoData === 'loaded' || demoData === 'already-loaded') {
    const accounts = SIGN_IN_AS.map((account) => `${account.email} (${account.role})`);
    lines.push(`  sign in as ${accounts.slice(0, -1).join(', ')}`, `  or ${accounts[accounts.length - 1]}; every demo user's password is ${DEMO_PASSWORD}`);
  } else if (demoData === 'not-empty') {
    lines.push('  no demo data: the database already held users or clinics, so sign in with one of yours');
  }
  return lines;
}
