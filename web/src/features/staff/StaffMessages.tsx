import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { catalogFor, type Catalog } from '../../i18n/catalogs';
import staffEn from '../../i18n/staff.en.json';
import staffEs from '../../i18n/staff.es.json';

/**
 * The clinician and admin strings travel with the staff pages' chunk rather
 * than in every learner's first download; they join the app's catalog here.
 */
const staffCatalogs: Record<string, Catalog> = { en: staffEn, es: staffEs };

export function StaffMessages({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const locale = intl.locale in staffCatalogs ? intl.locale : 'en';
  const own = { ...staffEn, ...Object.fromEntries(Object.entries(staffCatalogs[locale]).filter(([, v]) => v !== '')) };
  return (
    <IntlProvider locale={intl.locale} timeZone={intl.timeZone} defaultLocale="en" messages={{ ...catalogFor(locale as 'en'), ...own }}>
      {children}
    </IntlProvider>
  );
}
