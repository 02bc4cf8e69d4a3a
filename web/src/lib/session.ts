/**
 * The browser session. The access token lives only in this object's memory; the
 * refresh token is an HttpOnly cookie this code never sees (docs/decisions.md,
 * "Browser sessions"). Refresh tokens are single use and a reused one signs the
 * account out everywhere, so concurrent callers must share one refresh: every
 * caller that needs a token while a refresh is in flight waits for that same one.
 */
export interface SessionUser {
  id: string;
  displayName: string;
  role: 'ADMIN' | 'CLINICIAN' | 'STAFF' | 'PATIENT' | 'FAMILY';
  organizationId: string;
  email?: string | null;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

export class SessionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const EARLY_REFRESH_MS = 30_000;
export const CSRF_HEADER = 'x-waypoint-csrf';

type Listener = (session: Session | null) => void;

export class SessionManager {
  private current: Session | null = null;
  private refreshing: Promise<Session | null> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly http: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => number = Date.now,
  ) {}

  get session(): Session | null {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(email: string, password: string): Promise<Session> {
    return this.start('/session/sign-in', { email, password });
  }

  acceptInvite(input: { code: string; email: string; password: string; displayName: string }): Promise<Session> {
    return this.start('/session/accept-invite', input);
  }

  /** On page load (or when the access token expires): trade the cookie for a fresh access token, or null when signed out. */
  refresh(): Promise<Session | null> {
    this.refreshing ??= this.post('/session/refresh', {})
      .then((session) => this.set(session))
      .catch((error: unknown) => {
        if (error instanceof SessionError && error.status < 500) {
          this.set(null);
          return null;
        }
        throw error;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.refreshing) return (await this.refreshing)?.accessToken ?? null;
    const session = this.current;
    if (!session) return null;
    if (Date.parse(session.accessTokenExpiresAt) - this.now() > EARLY_REFRESH_MS) return session.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** Forgets the session here at once; the server call may fail (offline) without keeping anyone signed in on this screen. */
  async signOut(everywhere = false): Promise<void> {
    this.set(null);
    try {
      await this.http('/session/sign-out', {
        method: 'POST',
        credentials: 'same-origin',
        keepalive: true,
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ everywhere }),
      });
    } catch {
      // Offline: the cookie stays until it expires or the next sign-in replaces it; this screen is signed out either way.
    }
  }

  private async start(path: string, body: unknown): Promise<Session> {
    return this.set(await this.post(path, body)) as Session;
  }

  private async post(path: string, body: unknown): Promise<Session> {
    const response = await this.http(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => ({}))) as Partial<Session> & { errors?: { message?: string; extensions?: { code?: string } }[] };
    if (!response.ok) {
      const [error] = payload.errors ?? [];
      throw new SessionError(error?.message ?? 'Something went wrong.', error?.extensions?.code ?? 'INTERNAL', response.status);
    }
    return payload as Session;
  }

  private set(session: Session | null): Session | null {
    this.current = session;
    for (const listener of this.listeners) listener(session);
    return session;
  }
}
