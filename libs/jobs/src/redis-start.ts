/** The command that starts Redis here, for the messages that say it is not running (PostgreSQL's: libs/database). */
export const REDIS_START_COMMAND = 'redis-server --daemonize yes';

/** A service URL without its password, for messages and logs. */
export const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
