import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { CsvButton, Pager, StaffPage, useCsvDownload, useCursorPages } from '../staff/common';

const RecordsDocument = graphql(`
  query CompletionRecordsAdmin($first: Int!, $after: String, $filter: CompletionRecordFilter) {
    completionRecords(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        nameAsIssued
        learnerRole
        courseTitle
        completedAt
        credentialType
        contactHours
        verificationCode
        status
        revokedReason
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    courses {
      slug
      title
    }
  }
`);

const RevokeRecordDocument = graphql(`
  mutation RevokeCompletionRecord($id: ID!, $reason: String!) {
    revokeCompletionRecord(id: $id, reason: $reason) {
      id
      status
      revokedReason
    }
  }
`);

function Revoke({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const t = useT();
  const { request } = useServices();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({ mutationFn: (reason: string) => request(RevokeRecordDocument, { id, reason }), onSuccess: onDone });
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={t('admin.records.revokeFor', { name })}>
        {t('admin.records.revoke')}
      </button>
    );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    revoke.mutate(String(new FormData(event.currentTarget).get('reason')).trim());
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.records.revokeFor', { name })}>
      <label htmlFor={`revoke-${id}`}>{t('admin.records.reason')}</label>
      <input id={`revoke-${id}`} name="reason" required minLength={3} />
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <button type="submit" disabled={revoke.isPending}>
        {t('admin.records.confirm')}
      </button>
    </form>
  );
}

/** Every completion record: search by course and dates, revoke with a reason, download as CSV. */
export function RecordsPage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const csv = useCsvDownload();
  const [filter, setFilter] = useState({ courseSlug: '', from: '', to: '', includeRevoked: true });
  const apiFilter = {
    courseSlug: filter.courseSlug || undefined,
    from: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
    to: filter.to ? new Date(`${filter.to}T23:59:59`).toISOString() : undefined,
    includeRevoked: filter.includeRevoked,
  };
  const query = useQuery({ queryKey: ['completionRecords', pages.after, apiFilter], queryFn: () => request(RecordsDocument, { first: 25, after: pages.after, filter: apiFilter }), placeholderData: keepPreviousData });
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    pages.reset();
  };
  return (
    <StaffPage titleId="admin.records.title">
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('staff.filters')}>
        <div>
          <label htmlFor="records-course">{t('staff.field.course')}</label>
          <select id="records-course" value={filter.courseSlug} onChange={(e) => set({ courseSlug: e.target.value })}>
            <option value="">{t('staff.any')}</option>
            {query.data?.courses.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="records-from">{t('admin.from')}</label>
          <input id="records-from" type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="records-to">{t('admin.to')}</label>
          <input id="records-to" type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="option">
          <input id="records-revoked" type="checkbox" checked={filter.includeRevoked} onChange={(e) => set({ includeRevoked: e.target.checked })} />
          <label htmlFor="records-revoked">{t('admin.records.includeRevoked')}</label>
        </div>
      </form>
      <p className="actions">
        <CsvButton
          label={t('admin.csv')}
          busy={csv.busy}
          error={csv.error}
          onClick={() => void csv.download('/completion-records.csv', { courseSlug: apiFilter.courseSlug, from: apiFilter.from, to: apiFilter.to, includeRevoked: String(filter.includeRevoked) }, 'completion-records.csv')}
        />
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} /> : null}
      {query.data ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('admin.records.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.records.name')}</th>
                  <th scope="col">{t('staff.field.course')}</th>
                  <th scope="col">{t('admin.records.completed')}</th>
                  <th scope="col">{t('admin.records.hours')}</th>
                  <th scope="col">{t('admin.records.code')}</th>
                  <th scope="col">{t('staff.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.completionRecords.nodes.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.nameAsIssued}
                      <div className="meta">{t(`staff.role.${r.learnerRole}`)}</div>
                    </th>
                    <td>{r.courseTitle}</td>
                    <td>{t.date(r.completedAt)}</td>
                    <td>{r.contactHours ?? '—'}</td>
                    <td>{r.verificationCode ? <code>{r.verificationCode}</code> : '—'}</td>
                    <td>
                      {t(`staff.recordStatus.${r.status}`)}
                      {r.revokedReason ? <div className="meta">{r.revokedReason}</div> : null}
                      {r.status === 'VALID' ? <Revoke id={r.id} name={`${r.nameAsIssued}, ${r.courseTitle}`} onDone={() => void query.refetch()} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {query.data.completionRecords.nodes.length === 0 ? <p>{t('admin.records.none')}</p> : null}
          <Pager pages={pages} hasNextPage={query.data.completionRecords.pageInfo.hasNextPage} endCursor={query.data.completionRecords.pageInfo.endCursor} label={t('admin.records.pages')} />
        </>
      ) : null}
    </StaffPage>
  );
}
