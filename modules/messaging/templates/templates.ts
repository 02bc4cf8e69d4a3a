import type { Role } from '../../../src/auth/principal';
import { isClientRole } from '../../identity/policy/roles';
import { DEFAULT_LOCALE, messageCatalog, type TemplateStrings } from './message-catalog';

/** Every message the service sends. Each has a client wording (discreet) and a staff wording. */
export enum MessageKind {
  INVITE = 'INVITE',
  PASSWORD_RESET = 'PASSWORD_RESET',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  EMAIL_CHANGE_CONFIRM = 'EMAIL_CHANGE_CONFIRM',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  REFLECTION_FLAGGED = 'REFLECTION_FLAGGED',
  OUT_OF_ATTEMPTS = 'OUT_OF_ATTEMPTS',
  CLINICIAN_DIGEST = 'CLINICIAN_DIGEST',
  EMAIL_CHANGED = 'EMAIL_CHANGED',
}

/** Security mail goes out whatever the preferences say; the rest can be switched off. */
export const SECURITY_KINDS: ReadonlySet<MessageKind> = new Set([
  MessageKind.INVITE,
  MessageKind.PASSWORD_RESET,
  MessageKind.PASSWORD_CHANGED,
  MessageKind.EMAIL_CHANGE_CONFIRM,
  MessageKind.EMAIL_CHANGED,
]);

/** Values a template may use. Client wordings never use `course`: course titles name the treatment. */
export interface MessageParams {
  sender: string;
  url: string;
  name?: string;
  roleName?: string;
  expiresOn?: string;
  course?: string;
  dueOn?: string;
  at?: string;
  overdue?: number;
  flagged?: number;
  stuck?: number;
  consentsExpiring?: number;
  /** Reminders and digests: the one-click unsubscribe address. */
  unsubscribeUrl?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The words of the link, for checks: every part a recipient sees. */
  actionText: string;
}

/**
 * A message in the recipient's wording. Patients and family members get the client
 * wording, which says only that there is an update from the organization's discreet
 * sender name; everything else (names, links) is filled in from params, HTML-escaped.
 */
export function renderMessage(kind: MessageKind, role: Role, params: MessageParams, locale = DEFAULT_LOCALE): RenderedMessage {
  const catalog = messageCatalog(locale);
  const strings: TemplateStrings = catalog.templates[kind][isClientRole(role) ? 'client' : 'staff'];
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) values[key] = String(value);
  values.roleName ??= catalog.roles[role] ?? '';
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  const l = catalog.layout;
  const greeting = params.name ? fill(l.greeting) : l.greetingNoName;
  const lines = strings.lines.map(fill);
  const action = fill(strings.action);
  const footer = params.unsubscribeUrl ? fill(l.unsubscribeText) : SECURITY_KINDS.has(kind) ? l.securityNotice : '';

  const text = [greeting, '', ...lines.flatMap((line) => [line, '']), `${action}: ${params.url}`, '', fill(l.signature), '', l.automated, footer]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n')
    .trim();

  const esc = escapeHtml;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(fill(strings.subject))}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Arial,sans-serif;line-height:1.5;color:#1f2933;max-width:36rem;margin:0 auto;padding:1.5rem">
<p>${esc(greeting)}</p>
${lines.map((line) => `<p>${esc(line)}</p>`).join('\n')}
<p><a href="${esc(params.url)}" style="display:inline-block;padding:.6rem 1.1rem;background:#1d4ed8;color:#fff;border-radius:.3rem;text-decoration:none">${esc(action)}</a></p>
<p style="font-size:.9em;color:#52606d">${esc(l.linkFallback)}<br>${esc(params.url)}</p>
<p>${esc(fill(l.signature))}</p>
<p style="font-size:.85em;color:#52606d">${esc(l.automated)}${
    params.unsubscribeUrl ? ` <a href="${esc(params.unsubscribeUrl)}">${esc(l.unsubscribe)}</a>` : footer ? ` ${esc(footer)}` : ''
  }</p>
</body></html>`;
  return { subject: fill(strings.subject), text, html, actionText: action };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
