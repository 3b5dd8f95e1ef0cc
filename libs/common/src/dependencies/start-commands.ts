import { readdirSync } from 'node:fs';

/**
 * The one command that starts each service on this machine, for the messages that say it is not
 * running: a Debian cluster when there is one (its version read from /etc/postgresql), else the
 * compose file's service.
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

export const REDIS_START_COMMAND = 'redis-server --daemonize yes';

/** A service URL without its password, for messages and logs. */
export const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
