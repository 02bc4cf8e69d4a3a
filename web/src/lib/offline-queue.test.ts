import { describe, expect, it } from 'vitest';
import { NetworkError, OfflineQueue } from './offline-queue';

/** A fake API that records what arrived, keyed by client id, and can be taken offline. */
function api() {
  let online = true;
  const received: string[] = [];
  return {
    received,
    setOnline: (value: boolean) => (online = value),
    send: (id: string, refuse = false) => async () => {
      if (!online) throw new NetworkError('offline');
      if (refuse) throw new Error('refused');
      received.push(id);
    },
  };
}

describe('OfflineQueue', () => {
  it('sends at once when online and says Saved', async () => {
    const server = api();
    const queue = new OfflineQueue();
    await queue.save({ id: 'e1', send: server.send('e1') });
    expect(server.received).toEqual(['e1']);
    expect(queue.status).toBe('saved');
  });

  it('keeps saves made offline, in order, and sends them with the same ids when the network returns', async () => {
    const server = api();
    const queue = new OfflineQueue();
    const states: string[] = [];
    queue.subscribe((state) => states.push(state));
    server.setOnline(false);
    await queue.save({ id: 'e1', send: server.send('e1') });
    await queue.save({ id: 'e2', send: server.send('e2') });
    expect(queue.status).toBe('waiting-for-network');
    expect(queue.size).toBe(2);
    server.setOnline(true);
    await queue.flush();
    expect(server.received).toEqual(['e1', 'e2']);
    expect(queue.status).toBe('saved');
    expect(states).toContain('waiting-for-network');
  });

  it('replaces an unsent save with a newer one of the same key (latest answers win)', async () => {
    const server = api();
    const queue = new OfflineQueue();
    server.setOnline(false);
    await queue.save({ id: 'a1', replaces: 'answers:x', send: server.send('a1') });
    await queue.save({ id: 'p1', send: server.send('p1') });
    await queue.save({ id: 'a2', replaces: 'answers:x', send: server.send('a2') });
    server.setOnline(true);
    await queue.flush();
    expect(server.received).toEqual(['a2', 'p1']);
  });

  it('does not queue the same id twice', async () => {
    const server = api();
    const queue = new OfflineQueue();
    server.setOnline(false);
    await queue.save({ id: 'e1', send: server.send('e1') });
    await queue.save({ id: 'e1', send: server.send('e1') });
    expect(queue.size).toBe(1);
  });

  it('drops a save the server refused (retrying would be refused again) and carries on', async () => {
    const server = api();
    const queue = new OfflineQueue();
    server.setOnline(false);
    await queue.save({ id: 'bad', send: server.send('bad', true) });
    await queue.save({ id: 'good', send: server.send('good') });
    server.setOnline(true);
    await queue.flush();
    expect(server.received).toEqual(['good']);
    expect(queue.size).toBe(0);
  });

  it('forgets unsent work on sign-out', async () => {
    const server = api();
    const queue = new OfflineQueue();
    server.setOnline(false);
    await queue.save({ id: 'e1', send: server.send('e1') });
    queue.clear();
    server.setOnline(true);
    await queue.flush();
    expect(server.received).toEqual([]);
    expect(queue.status).toBe('idle');
  });
});
