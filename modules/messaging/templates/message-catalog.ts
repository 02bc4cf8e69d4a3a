import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../../curriculum/content/repo-paths';

export interface TemplateStrings {
  subject: string;
  lines: string[];
  action: string;
}

export interface MessageCatalog {
  layout: Record<string, string>;
  templates: Record<string, { client: TemplateStrings; staff: TemplateStrings }>;
  roles: Record<string, string>;
}

export const DEFAULT_LOCALE = 'en';

/** `modules/messaging/catalog/<locale>.json`: a new language is a new file, no code. */
export function catalogDir(): string {
  return path.join(findRepoRoot(__dirname), 'modules', 'messaging', 'catalog');
}

const loaded = new Map<string, MessageCatalog>();

/** The catalog for a locale; missing locales and missing keys fall back to English. */
export function messageCatalog(locale: string = DEFAULT_LOCALE): MessageCatalog {
  const key = /^[a-z]{2}(-[A-Z]{2})?$/.test(locale) ? locale : DEFAULT_LOCALE;
  const cached = loaded.get(key);
  if (cached) return cached;
  const english = readCatalog(DEFAULT_LOCALE)!;
  const own = key === DEFAULT_LOCALE ? undefined : readCatalog(key);
  const merged = own ? mergeCatalogs(english, own) : english;
  loaded.set(key, merged);
  return merged;
}

function readCatalog(locale: string): MessageCatalog | undefined {
  const file = path.join(catalogDir(), `${locale}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MessageCatalog) : undefined;
}

function mergeCatalogs(base: MessageCatalog, over: Partial<MessageCatalog>): MessageCatalog {
  const templates = { ...base.templates };
  for (const [name, variants] of Object.entries(over.templates ?? {})) {
    templates[name] = { client: { ...base.templates[name]?.client, ...variants.client }, staff: { ...base.templates[name]?.staff, ...variants.staff } };
  }
  return { layout: { ...base.layout, ...over.layout }, templates, roles: { ...base.roles, ...over.roles } };
}
