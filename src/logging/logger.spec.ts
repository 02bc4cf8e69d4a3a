import { Writable } from 'node:stream';
import { createLogger, loggableUrl } from './logger';

describe('request URLs in logs', () => {
  it.each([
    ['/verify/ABCD-EFGH-IJKL', '/verify/[redacted]'],
    ['/certificates/ABCD-EFGH.pdf', '/certificates/[redacted]'],
    ['/completion-records.csv?learnerId=123&from=2026-01-01', '/completion-records.csv'],
    ['/graphql', '/graphql'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});

it('the service logger masks secret URLs and redacts secrets that reach it by mistake', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info({ req: { method: 'GET', url: '/verify/SHARE-CODE-1234', headers: { authorization: 'Bearer abc.def.ghi' } } }, 'incoming request');
  logger.info({ input: { password: 'hunter2-hunter2', refreshToken: 'refresh-123', text: 'my private reflection', answers: ['b'] } }, 'oops');
  const out = lines.join('');
  expect(out).toContain('/verify/[redacted]');
  expect(out).not.toMatch(/SHARE-CODE-1234|abc\.def\.ghi|hunter2|refresh-123|my private reflection/);
});
