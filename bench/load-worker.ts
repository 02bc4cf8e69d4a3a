/**
 * The load generator, in its own process (forked by the runner) so autocannon
 * does not share an event loop with the server it measures.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  body: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  /** Replace `[<id>]` in the body with a unique id per request. */
  uniqueIds: boolean;
  /** Stop after this many requests instead of after `seconds` (one-shot requests such as quiz submissions). */
  amount?: number;
  /** Requests to send in turn, each once (bodies and tokens that cannot be replayed). */
  rotate?: Array<{ body: string; authorization: string }>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

process.on('message', (job: LoadJob) => {
  let next = 0;
  const rotate = job.rotate;
  autocannon(
    {
      url: job.url,
      method: 'POST',
      body: job.body,
      headers: { 'content-type': 'application/json', ...job.headers },
      ...(job.amount ? { amount: job.amount } : { duration: job.seconds }),
      ...(rotate && {
        requests: [
          {
            setupRequest: (request: any) => {
              const item = rotate[next++ % rotate.length];
              return { ...request, body: item.body, headers: { ...request.headers, authorization: item.authorization } };
            },
          },
        ],
      }),
      connections: job.connections,
      pipelining: 1,
      idReplacement: job.uniqueIds,
    },
    (error, result) => {
      if (error) {
        process.send!({ error: String(error) });
        return;
      }
      const out: LoadResult = {
        requests: result.requests.total,
        seconds: result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      };
      process.send!(out);
    },
  );
});
