import pino from 'pino';
import { PinoNestLogger } from './nest-logger';
import { RequestLog, runInRequestLog } from './request-log';

/** A pino root writing into memory, and the lines it wrote, parsed. */
function capture(level = 'debug') {
  const lines: Array<Record<string, any>> = [];
  const root = pino({ level }, { write: (chunk: string) => lines.push(JSON.parse(chunk)) });
  return { root, lines, logger: new PinoNestLogger(root) };
}

describe('PinoNestLogger: Nest logging calls as pino lines', () => {
  it('writes the message with its context, at the matching level', () => {
    const { logger, lines } = capture();
    logger.log('gateway listening', 'Gateway');
    logger.warn('Redis is slow', 'Jobs');
    logger.debug('detail', 'Worker');
    expect(lines.map(({ level, context, msg }) => ({ level, context, msg }))).toEqual([
      { level: 30, context: 'Gateway', msg: 'gateway listening' },
      { level: 40, context: 'Jobs', msg: 'Redis is slow' },
      { level: 20, context: 'Worker', msg: 'detail' },
    ]);
  });

  it('writes an Error as err, with its stack', () => {
    const { logger, lines } = capture();
    logger.error(new Error('database gone'), 'GraphQL');
    expect(lines[0]).toMatchObject({ level: 50, context: 'GraphQL', err: { type: 'Error', message: 'database gone', stack: expect.stringContaining('database gone') } });
  });

  it("reads Nest's own handlers' error(message, stack, context) as an error with that stack", () => {
    const { logger, lines } = capture();
    const stack = 'Error: boom\n    at somewhere (file.js:1:1)';
    logger.error('boom', stack, 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'ExceptionsHandler', err: { message: 'boom', stack } });
  });

  it('merges an object message into the line', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'swept', count: 3 }, 'Sweeper');
    expect(lines[0]).toMatchObject({ level: 30, context: 'Sweeper', msg: 'swept', count: 3 });
  });

  it('writes nothing below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.log('quiet', 'Gateway');
    logger.debug('quieter', 'Gateway');
    logger.warn('heard', 'Gateway');
    expect(lines.map((line) => line.msg)).toEqual(['heard']);
  });

  it("writes through the current request's logger, so a line logged while answering carries the request", async () => {
    const { root, logger, lines } = capture();
    const request = new RequestLog(root.child({ req: { id: 'r-1', method: 'POST', path: '/graphql' } }));
    await runInRequestLog(request, async () => {
      await Promise.resolve();
      logger.error(new Error('inside'), 'GraphQL');
    });
    logger.error(new Error('outside'), 'GraphQL');
    expect(lines.map((line) => ({ req: line.req, message: line.err.message }))).toEqual([
      { req: { id: 'r-1', method: 'POST', path: '/graphql' }, message: 'inside' },
      { req: undefined, message: 'outside' },
    ]);
  });
});
