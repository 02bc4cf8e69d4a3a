import { readdirSync } from 'node:fs';
import { Role } from '../../../src/auth/principal';
import { DEFAULT_DISCREET_SENDER, forbiddenWordIn } from '../../../src/common/discreet-wording';
import { loadCurriculum } from '../../curriculum/content/load-curriculum';
import { isClientRole } from '../../identity/policy/roles';
import { catalogDir, messageCatalog } from './message-catalog';
import { MessageKind, renderMessage, type MessageParams } from './templates';

/**
 * Issue 13's Part 2 check: every template in every catalog, rendered for every role,
 * scanned where a patient or family member would see it. Templates are enumerated from
 * the catalogs and the MessageKind registry, so a template added later is scanned
 * without touching this file.
 */
const BASE = 'https://portal.example.test';
const ORG_NAME = 'Harbor Addiction Recovery Center';
const LOCALES = readdirSync(catalogDir())
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));
const KINDS = [...new Set([...Object.values(MessageKind), ...LOCALES.flatMap((locale) => Object.keys(messageCatalog(locale).templates))])].sort();
const ROLES = Object.values(Role);
/** What a client wording may fill in: who it is from, their own name, the link, dates. Never a course, a time of an event, or counts. */
const CLIENT_PLACEHOLDERS = new Set(['sender', 'name', 'url', 'unsubscribeUrl', 'expiresOn', 'dueOn']);
/** A staff subject may name a course, never anything about a client. */
const STAFF_SUBJECT_PLACEHOLDERS = new Set(['sender', 'course', 'dueOn', 'roleName']);
/** Links as the senders build them: an id or a random token after a neutral route. */
const SAMPLE_PATHS = ['/', '/invite/Zk3q9XbW1mPa7LcTn2Ve', '/reset-password/4f9c2a7e1b8d3f60a5c4e7d2', '/notifications'];

let titles: string[];
beforeAll(async () => {
  const curriculum = await loadCurriculum();
  titles = curriculum.courses.flatMap((course) => [course.manifest!.title, ...course.lessonFiles.map((file) => file.lesson!.frontMatter.title)]);
  expect(titles.length).toBeGreaterThan(30);
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

function fullParams(sender: string, path: string, course: string): MessageParams {
  return {
    sender,
    url: `${BASE}${path}`,
    name: 'Pia Lane',
    expiresOn: 'March 9, 2026',
    course,
    dueOn: 'March 4, 2026',
    at: '9:14 PM',
    overdue: 3,
    flagged: 1,
    stuck: 2,
    consentsExpiring: 1,
    unsubscribeUrl: `${BASE}/unsubscribe/64b7f0c2a1d3e4f5a6b7c8d9.reminders.Qm9vVx1`,
  };
}

describe('message templates', () => {
  it('every kind has a client and a staff wording in every catalog, and every catalog entry is a kind', () => {
    expect(LOCALES).toContain('en');
    for (const locale of LOCALES) {
      const catalog = messageCatalog(locale);
      for (const kind of KINDS) {
        expect(Object.values(MessageKind)).toContain(kind);
        for (const variant of ['client', 'staff'] as const) {
          const strings = catalog.templates[kind]?.[variant];
          expect({ locale, kind, variant, subject: strings?.subject, action: strings?.action, lines: strings?.lines.length }).toEqual({
            locale,
            kind,
            variant,
            subject: expect.any(String),
            action: expect.any(String),
            lines: expect.any(Number),
          });
        }
      }
    }
  });

  it('client wordings fill in only the sender, the recipient’s own name, the link and dates; staff subjects nothing about a client', () => {
    for (const locale of LOCALES) {
      for (const kind of KINDS) {
        const { client, staff } = messageCatalog(locale).templates[kind];
        const clientSlots = [client.subject, client.action, ...client.lines].flatMap(placeholders);
        expect({ locale, kind, outside: clientSlots.filter((p) => !CLIENT_PLACEHOLDERS.has(p)) }).toEqual({ locale, kind, outside: [] });
        expect({ locale, kind, outside: placeholders(staff.subject).filter((p) => !STAFF_SUBJECT_PLACEHOLDERS.has(p)) }).toEqual({ locale, kind, outside: [] });
      }
    }
  });

  it.each(ROLES)('renders every template for %s; a patient or family member sees no forbidden word, course or lesson title, or program name', (role) => {
    let rendered = 0;
    for (const locale of LOCALES) {
      for (const kind of KINDS as MessageKind[]) {
        for (const sender of [DEFAULT_DISCREET_SENDER, 'Harbor Health Portal']) {
          for (const path of SAMPLE_PATHS) {
            // Every course and lesson title is offered as a value: client wording must not use it.
            const params = fullParams(sender, path, titles.join(' / '));
            const message = renderMessage(kind, role, params, locale);
            rendered++;
            expect(message.subject.trim()).not.toBe('');
            expect(message.text).toContain(params.url);
            expect(message.html).toContain(`href="${params.url}"`);
            if (!isClientRole(role)) continue;
            const visible = {
              subject: message.subject,
              text: message.text,
              html: message.html,
              sender,
              linkText: message.actionText,
              urlPath: new URL(params.url).pathname,
              unsubscribePath: new URL(params.unsubscribeUrl!).pathname,
            };
            for (const [part, value] of Object.entries(visible)) {
              expect({ locale, kind, role, part, forbidden: forbiddenWordIn(value) }).toEqual({ locale, kind, role, part, forbidden: null });
              const named = [...titles, ORG_NAME].find((title) => value.includes(title));
              expect({ locale, kind, role, part, named }).toEqual({ locale, kind, role, part, named: undefined });
            }
          }
        }
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(KINDS.length * 2 * SAMPLE_PATHS.length);
  });

  it('the scan catches a revealing wording (it can fail)', () => {
    const message = renderMessage(MessageKind.DUE_SOON, Role.STAFF, fullParams(DEFAULT_DISCREET_SENDER, '/', 'Relapse Prevention Skills'));
    expect(forbiddenWordIn(message.subject)).toBe('Relapse');
  });
});
