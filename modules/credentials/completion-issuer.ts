/**
 * What the progress module needs from credentials: "this learner completed this course
 * version, issue the record". Bound once, in CredentialsModule, to CompletionRecordsService;
 * progress injects the token and never sees the service.
 */
export interface CompletionIssuer {
  issue(input: { orgId: string; learnerId: string; courseSlug: string; courseVersion: number; completedAt: Date; score?: number }): Promise<unknown>;
}
export const COMPLETION_ISSUER = Symbol('COMPLETION_ISSUER');
