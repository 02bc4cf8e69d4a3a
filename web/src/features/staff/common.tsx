import { useState, type ReactNode } from 'react';
import { useServices, useSession } from '../../app/services';
import { usePageTitle } from '../../components/Page';
import { saveFile } from '../../lib/save-file';
import type { SessionUser } from '../../lib/session';
import { useT } from '../../i18n/useT';

/**
 * What the staff side of the app shows to whom. The service decides every
 * access; these only keep links to pages a person cannot use out of sight.
 */
export type StaffRole = SessionUser['role'];
export const isCareTeam = (role?: StaffRole) => role === 'CLINICIAN' || role === 'ADMIN';
export const isAdmin = (role?: StaffRole) => role === 'ADMIN';

export function useViewerRole(): StaffRole | undefined {
  return useSession()?.user.role;
}

/** Desk pages use the full width of a desktop screen (tables, matrices) while learner pages keep a reading column. */
export function StaffPage({ titleId, heading, children }: { titleId: string; heading?: ReactNode; children: ReactNode }) {
  usePageTitle(titleId);
  const t = useT();
  return (
    <div className="staff-page">
      <h1>{heading ?? t(titleId)}</h1>
      {children}
    </div>
  );
}

/** The service's cursor paging: a stack of cursors, so "Previous" returns to exactly the page before. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  return {
    after,
    page: cursors.length,
    next: (endCursor: string | null | undefined) => endCursor && setCursors((c) => [...c, endCursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([undefined]),
  };
}

export function Pager({ pages, hasNextPage, endCursor, label }: { pages: ReturnType<typeof useCursorPages>; hasNextPage: boolean; endCursor?: string | null; label: string }) {
  const t = useT();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" onClick={pages.previous} disabled={pages.page === 1}>
        {t('staff.pager.previous')}
      </button>
      <span>{t('staff.pager.page', { page: pages.page })}</span>
      <button type="button" className="secondary" onClick={() => pages.next(endCursor)} disabled={!hasNextPage}>
        {t('staff.pager.next')}
      </button>
    </nav>
  );
}

/**
 * A CSV from the service's streamed routes. The access token lives only in
 * memory, so the download goes through fetch with the Authorization header and
 * is handed to the browser as a file.
 */
export function useCsvDownload() {
  const { session } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (path: string, params: Record<string, string | undefined>, filename: string) => {
    setBusy(true);
    setError(null);
    try {
      const token = await session.accessToken();
      const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
      const response = await fetch(`${path}${query.size ? `?${query}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[]; message?: string };
        throw new Error(body.errors?.[0]?.message ?? body.message ?? response.statusText);
      }
      saveFile(filename, await response.blob());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { download, error, busy };
}

export function CsvButton({ label, onClick, busy, error }: { label: string; onClick: () => void; busy: boolean; error: string | null }) {
  return (
    <>
      <button type="button" className="secondary" onClick={onClick} disabled={busy}>
        {label}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A formatted share (0..1) as a percent, or a dash. */
export function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${Math.round(value * 100)}%`;
}
