import { createHmac, timingSafeEqual } from 'node:crypto';

export type UnsubscribeTopic = 'reminders' | 'digest';
const TOPICS: readonly UnsubscribeTopic[] = ['reminders', 'digest'];

/**
 * A link that switches one kind of mail off without signing in (RFC 8058 one-click).
 * Signed rather than stored: it only ever turns mail off, so a leaked link costs
 * the holder nothing but reminders.
 */
export function unsubscribeToken(secret: string, userId: string, topic: UnsubscribeTopic): string {
  return `${userId}.${topic}.${sign(secret, userId, topic)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; topic: UnsubscribeTopic } | null {
  const [userId, topic, signature, extra] = token.split('.');
  if (extra !== undefined || !/^[0-9a-f]{24}$/.test(userId ?? '') || !TOPICS.includes(topic as UnsubscribeTopic) || !signature) return null;
  const expected = Buffer.from(sign(secret, userId, topic));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, topic: topic as UnsubscribeTopic };
}

function sign(secret: string, userId: string, topic: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${topic}`).digest('base64url').slice(0, 32);
}
