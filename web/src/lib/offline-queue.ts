/**
 * Saves made while the network is down wait here, in memory only (never in
 * storage: they may hold answers), and go out in order when it returns, with
 * the same client ids, so the idempotent API records each once. A save with a
 * `replaces` key supersedes an unsent one with the same key (the latest answers
 * to a quiz attempt are all that matter).
 */
export type SaveState = 'idle' | 'saved' | 'saving' | 'waiting-for-network' | 'failed';

export interface QueuedSave {
  /** Stable across retries: the client event id or idempotency key sent with it. */
  id: string;
  /** Saves with the same key replace each other while unsent. */
  replaces?: string;
  send: () => Promise<void>;
}

/** Thrown (or recognised) when a request never reached the server. */
export class NetworkError extends Error {}

type Listener = (state: SaveState, pending: number) => void;

export class OfflineQueue {
  private readonly pending: QueuedSave[] = [];
  private flushing: Promise<void> | null = null;
  private state: SaveState = 'idle';
  private readonly listeners = new Set<Listener>();
  private lastError: unknown;

  constructor(private readonly isNetworkError: (error: unknown) => boolean = (e) => e instanceof NetworkError || e instanceof TypeError) {}

  get status(): SaveState {
    return this.state;
  }

  get size(): number {
    return this.pending.length;
  }

  get error(): unknown {
    return this.lastError;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a save and tries to send everything queued; resolves once this flush attempt ends. */
  save(item: QueuedSave): Promise<void> {
    // The head may already be on the wire; only saves still waiting can be replaced.
    const inFlight = this.flushing ? this.pending[0] : undefined;
    const same = item.replaces ? this.pending.findIndex((p) => p.replaces === item.replaces && p !== inFlight) : -1;
    if (same >= 0) this.pending.splice(same, 1, item);
    else if (!this.pending.some((p) => p.id === item.id)) this.pending.push(item);
    return this.flush();
  }

  /** Sends what is queued, oldest first; stops at the first network failure and waits for the next flush. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Forget everything unsent (sign-out, quick exit). */
  clear(): void {
    this.pending.length = 0;
    this.set('idle');
  }

  private async drain(): Promise<void> {
    if (!this.pending.length) return;
    while (this.pending.length) {
      const next = this.pending[0];
      this.set('saving');
      try {
        await next.send();
        this.lastError = undefined;
      } catch (error) {
        if (this.isNetworkError(error)) {
          this.set('waiting-for-network');
          return;
        }
        // The server answered and refused: retrying the same request would be refused again.
        this.lastError = error;
        this.pending.shift();
        this.set('failed');
        continue;
      }
      this.pending.shift();
    }
    if (this.state !== 'failed') this.set('saved');
  }

  private set(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state, this.pending.length);
  }
}
