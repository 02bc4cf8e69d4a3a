import { isBackgroundCommand } from './learning-operations';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { TestApp } from './app';

/** pdf-parse 1.x's library entry (its index runs a self-test on import), typed with @types/pdf-parse. */
const pdfParse: typeof import('pdf-parse') = require('pdf-parse/lib/pdf-parse.js');

/** The text a person would read in a PDF. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text;
}

const RECORD_FIELDS =
  'id learnerId learnerRole nameAsIssued issuerName courseSlug courseVersion courseTitle completedAt issuedAt score contactHours ceApproval { approvingBody providerNumber statement } credentialType verificationCode verifiableByCode certificateUrl status revokedAt revokedReason';
const PAGE = `nodes { ${RECORD_FIELDS} } pageInfo { hasNextPage endCursor } redisclosureNotice`;
const VERIFICATION_FIELDS = 'status nameAsIssued courseTitle completedAt contactHours credentialType redisclosureNotice';

/** One helper per credentials operation, so tests read as what a person does. */
export const credentialOps = {
  verifyCompletion: (t: TestApp, code: string, token?: string) =>
    t.gql(`query($code: String!) { verifyCompletion(code: $code) { ${VERIFICATION_FIELDS} } }`, { code }, token),
  myCompletionRecords: (t: TestApp, token: string, first = 20, after?: string) =>
    t.gql(`query($first: Int, $after: String) { myCompletionRecords(first: $first, after: $after) { ${PAGE} } }`, { first, after }, token),
  learnerCompletionRecords: (t: TestApp, token: string, learnerId: string) =>
    t.gql(`query($id: ID!) { learnerCompletionRecords(learnerId: $id) { ${PAGE} } }`, { id: learnerId }, token),
  completionRecords: (t: TestApp, token: string, filter?: Record<string, unknown>, first = 20, after?: string) =>
    t.gql(
      `query($filter: CompletionRecordFilter, $first: Int, $after: String) { completionRecords(filter: $filter, first: $first, after: $after) { ${PAGE} } }`,
      { filter, first, after },
      token,
    ),
  revokeCompletionRecord: (t: TestApp, token: string, id: string, reason: string) =>
    t.gql(`mutation($id: ID!, $reason: String!) { revokeCompletionRecord(id: $id, reason: $reason) { ${RECORD_FIELDS} } }`, { id, reason }, token),
  createCompletionShare: (t: TestApp, token: string, recordId: string, expiresAt: Date | string) =>
    t.gql(
      `mutation($input: CreateCompletionShareInput!) { createCompletionShare(input: $input) { shareCode verifyUrl share { id recordId createdAt expiresAt revokedAt active } } }`,
      { input: { recordId, expiresAt: expiresAt instanceof Date ? expiresAt.toISOString() : expiresAt } },
      token,
    ),
  revokeCompletionShare: (t: TestApp, token: string, id: string) =>
    t.gql(`mutation($id: ID!) { revokeCompletionShare(id: $id) { id active revokedAt } }`, { id }, token),
  completionShares: (t: TestApp, token: string, recordId: string) =>
    t.gql(`query($id: ID!) { completionShares(recordId: $id) { id active expiresAt revokedAt } }`, { id: recordId }, token),
  completionBadge: (t: TestApp, token: string, recordId: string) =>
    t.gql(`query($id: ID!) { completionBadge(recordId: $id) { jwt keyUrl } }`, { id: recordId }, token),
};

/** GET over HTTP with an optional Bearer token; the body as bytes. */
export async function httpGet(t: TestApp, path: string, token?: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The raw GraphQL response body of a verification, for byte-for-byte comparisons. */
export async function rawVerify(t: TestApp, code: string): Promise<string> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `query($code: String!) { verifyCompletion(code: $code) { ${VERIFICATION_FIELDS} } }`, variables: { code } }),
  });
  return res.text();
}

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

/**
 * The database commands `work` sends, each as command name, collection and
 * the shape of its filter (field names and operators, values replaced by their
 * type): two calls that do the same database work produce the same list.
 */
export async function commandShapes(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const client = t.app.get<Connection>(getConnectionToken()).getClient();
  const shapes: string[] = [];
  const listener = (event: { commandName: string; command: Record<string, any> }) => {
    if (['hello', 'isMaster', 'ismaster', 'ping', 'endSessions'].includes(event.commandName)) return;
    if (isBackgroundCommand(event)) return;
    const c = event.command;
    const collection = c[event.commandName];
    shapes.push(JSON.stringify({ command: event.commandName, collection, filter: shapeOf(c.filter), projection: c.projection, limit: c.limit }));
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return shapes;
}

function shapeOf(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value instanceof Date) return 'Date';
  if (typeof value === 'object' && (value as { _bsontype?: string })._bsontype) return (value as { _bsontype: string })._bsontype;
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}
