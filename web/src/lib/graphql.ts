import type { TypedDocumentString } from '../gql/graphql';
import { NetworkError } from './offline-queue';
import type { SessionManager } from './session';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The input the error is about, when the service says (`extensions.field`). */
    readonly field?: string,
    /** Everything else the service said about it (e.g. `reason` and `course` for TRAINING_REQUIRED). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * One GraphQL request with the in-memory access token. An UNAUTHENTICATED answer
 * (the token expired or was revoked) is retried once after a refresh; a request
 * that never reached the server becomes a NetworkError, which the offline queue
 * keeps for later.
 */
export function createClient(session: SessionManager, http: typeof fetch = (...args) => fetch(...args)) {
  async function once<R, V>(document: TypedDocumentString<R, V>, variables: V, token: string | null) {
    let response: Response;
    try {
      response = await http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
    } catch {
      throw new NetworkError('The network is unavailable.');
    }
    if (response.status >= 502) throw new NetworkError('The service is unavailable.');
    const body = (await response.json().catch(() => ({}))) as { data?: R; errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new GraphQLRequestError(first.message, first.extensions?.code ?? 'INTERNAL', first.extensions?.field, first.extensions ?? {});
    }
    return body.data as R;
  }

  return async function request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [] | [V] : [V]): Promise<R> {
    const token = await session.accessToken();
    try {
      return await once(document, variables as V, token);
    } catch (error) {
      if (token && error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') {
        const fresh = (await session.refresh())?.accessToken ?? null;
        if (fresh) return once(document, variables as V, fresh);
      }
      throw error;
    }
  };
}

export type Request = ReturnType<typeof createClient>;
