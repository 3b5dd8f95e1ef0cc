import { readdirSync } from 'node:fs';

/**
 * The one command that starts PostgreSQL on this machine, for the message that says it is not
 * running: a Debian cluster when there is one (its version read from /etc/postgresql), else the
 * compose file's service. Here, in the database lib, because the migration path (which the test
 * run's set-up loads outside the tests) loads nothing but this lib.
 */
export function postgresStartCommand(): string {
  let versions: string[] = [];
  try {
    versions = readdirSync('/etc/postgresql').filter((entry) => /^\d+$/.test(entry));
  } catch {
    versions = [];
  }
  return versions.length === 1
    ? `pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`
    : 'docker compose -f docker/compose.yml up -d postgres';
}
