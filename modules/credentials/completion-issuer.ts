import type { UserSummary } from '../identity';

/**
 * What the progress module needs from credentials: "this learner completed this course
 * version, issue the record". Bound once, in CredentialsModule, to CompletionRecordsService;
 * progress injects the token and never sees the service.
 */
export interface CompletionIssuer {
  issue(input: { orgId: string; learnerId: string; courseSlug: string; courseVersion: number; completedAt: Date; score?: number; cycle?: number; mayExist?: boolean }): Promise<unknown>;
}
export const COMPLETION_ISSUER = Symbol('COMPLETION_ISSUER');

/**
 * How long a completion counts (a staff training requirement's validity). Provided by the
 * training module, which depends on credentials; credentials asks it at issue time and
 * never imports it. Without one, records do not expire.
 */
export interface CompletionValidity {
  /** `learner`: the learner as issuance has just read them, so validity need not read them again. */
  validUntil(input: { orgId: string; learnerId: string; courseSlug: string; completedAt: Date; learner?: UserSummary }): Promise<Date | undefined>;
}
