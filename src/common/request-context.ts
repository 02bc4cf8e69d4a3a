import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLS_ID, ClsService, ClsServiceManager, type ClsStore } from 'nestjs-cls';
import type { Principal } from '../auth/principal';

/** What one unit of work (a request, a scheduled job's run, a delivery round, a CLI command) carries. */
export interface RequestStore extends ClsStore {
  /** The signed-in person, once the auth guard has verified the token. */
  viewer?: Principal;
  /** The client's address as the service sees it (TRUST_PROXY decides whether a proxy's header counts). */
  ip?: string;
}

/**
 * Work outside any request or job (start-up, shutdown) shares one id per process, so
 * what it records can still be told apart from another instance's.
 */
const PROCESS_ID = `process-${randomUUID()}`;

/** The current unit of work's id, or undefined outside one. */
export function currentRequestId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.getId() : undefined;
}

/** What every log line written inside a request or job carries: its id and, once known, who asked (an opaque id, never a name). */
export function logContext(): { requestId?: string; userId?: string } {
  const cls = ClsServiceManager.getClsService<RequestStore>();
  if (!cls.isActive()) return {};
  const viewer = cls.get('viewer');
  return viewer ? { requestId: cls.getId(), userId: viewer.userId } : { requestId: cls.getId() };
}

/**
 * The request context (nestjs-cls over AsyncLocalStorage): set once where a request
 * enters — the HTTP middleware mounted by CoreModule, for GraphQL and plain routes
 * alike — and read where audit events and logs are written, so no service has to be
 * handed a request id. Background work opens its own context with `run`.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<RequestStore>) {}

  /** The request's id (the x-request-id the response carries), a job's own id, or this process's. */
  get requestId(): string {
    return currentRequestId() ?? PROCESS_ID;
  }

  get viewer(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get('viewer') : undefined;
  }

  get ip(): string | undefined {
    return this.cls.isActive() ? this.cls.get('ip') : undefined;
  }

  setViewer(viewer: Principal): void {
    if (this.cls.isActive()) this.cls.set('viewer', viewer);
  }

  /**
   * Runs background work in a fresh context whose id names it (`job-reminders-…`,
   * `delivery-…`, `cli-…`), so the audit events and log lines of one run share an id
   * and never borrow a request's.
   */
  run<T>(kind: string, work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'override' }, () => {
      this.cls.set(CLS_ID, `${kind}-${randomUUID()}`);
      return work();
    });
  }
}
