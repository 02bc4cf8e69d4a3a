import en from './en.json';
import es from './es.json';

export type Catalog = Record<string, string>;

/**
 * English is complete; Spanish is a skeleton with the same keys (a test checks
 * they match) until translation. Content (lessons) is not translated yet, so the
 * interface stays in English too.
 */
export const catalogs: Record<'en' | 'es', Catalog> = { en, es };
export const LOCALE = 'en' as const;

export function catalogFor(locale: keyof typeof catalogs): Catalog {
  return { ...catalogs.en, ...Object.fromEntries(Object.entries(catalogs[locale]).filter(([, v]) => v !== '')) };
}
