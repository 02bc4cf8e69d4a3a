import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { CsvButton, Pager, StaffPage, useCsvDownload, useCursorPages } from '../staff/common';

const AuditDocument = graphql(`
  query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        at
        action
        actorId
        actorRole
        patientId
        subjectType
        reason
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    people: users(first: 100) {
      nodes {
        id
        displayName
      }
    }
  }
`);

const EmergencyReportDocument = graphql(`
  query EmergencyReport {
    emergencyAccessGrants(first: 50) {
      nodes {
        id
        clinicianId
        clientId
        openedAt
        expiresAt
        active
        reason
      }
    }
  }
`);

/** The actions an auditor filters by most; any other action can still be typed. */
const ACTIONS = [
  'EMERGENCY_ACCESS_OPENED',
  'PROGRESS_READ',
  'REFLECTION_READ',
  'REFLECTION_REVIEW',
  'CONSENT_GRANTED',
  'CONSENT_REVOKED',
  'COURSE_ASSIGNED',
  'QUIZ_ATTEMPTS_GRANTED',
  'COMPLETION_RECORD_REVOKED',
  'INVITE_CREATED',
  'CLIENT_TRANSFERRED',
  'ORGANIZATION_SETTINGS_CHANGED',
  'AUDIT_TRAIL_EXPORTED',
];

/** EMERGENCY_ACCESS_OPENED → "Emergency access opened": the stored code, readable. */
export function actionName(action: string): string {
  const words = action.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function EmergencyReport({ names }: { names: Map<string, string> }) {
  const t = useT();
  const { request } = useServices();
  const report = useQuery({ queryKey: ['emergencyReport'], queryFn: () => request(EmergencyReportDocument) });
  return (
    <section aria-labelledby="emergency-report">
      <h2 id="emergency-report">{t('admin.audit.emergency')}</h2>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorMessage error={report.error} /> : null}
      {report.data?.emergencyAccessGrants.nodes.length === 0 ? <p>{t('admin.audit.noEmergency')}</p> : null}
      {report.data?.emergencyAccessGrants.nodes.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('admin.audit.emergency')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.opened')}</th>
                <th scope="col">{t('staff.role.CLINICIAN')}</th>
                <th scope="col">{t('staff.col.client')}</th>
                <th scope="col">{t('admin.audit.reason')}</th>
                <th scope="col">{t('staff.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.emergencyAccessGrants.nodes.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{t.dateTime(g.openedAt)}</th>
                  <td>{names.get(g.clinicianId) ?? g.clinicianId}</td>
                  <td>{names.get(g.clientId) ?? g.clientId}</td>
                  <td>{g.reason}</td>
                  <td>{g.active ? t('admin.audit.openUntil', { when: t.dateTime(g.expiresAt) }) : t('admin.audit.closed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Who did what to whose records, and when: filter, page, download. */
export function AuditPage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const csv = useCsvDownload();
  const [filter, setFilter] = useState({ action: '', actorId: '', patientId: '', from: '', to: '' });
  const apiFilter = {
    action: filter.action || undefined,
    actorId: filter.actorId || undefined,
    patientId: filter.patientId || undefined,
    from: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
    to: filter.to ? new Date(`${filter.to}T23:59:59`).toISOString() : undefined,
  };
  const query = useQuery({ queryKey: ['audit', pages.after, apiFilter], queryFn: () => request(AuditDocument, { first: 50, after: pages.after, filter: apiFilter }), placeholderData: keepPreviousData });
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    pages.reset();
  };
  const names = new Map((query.data?.people.nodes ?? []).map((p) => [p.id, p.displayName]));
  const people = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));

  return (
    <StaffPage titleId="admin.audit.title">
      <EmergencyReport names={names} />
      <h2>{t('admin.audit.events')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('staff.filters')}>
        <div>
          <label htmlFor="audit-action">{t('admin.audit.action')}</label>
          <select id="audit-action" value={filter.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t('staff.any')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor">{t('admin.audit.actor')}</label>
          <select id="audit-actor" value={filter.actorId} onChange={(e) => set({ actorId: e.target.value })}>
            <option value="">{t('staff.any')}</option>
            {people.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-client">{t('staff.col.client')}</label>
          <select id="audit-client" value={filter.patientId} onChange={(e) => set({ patientId: e.target.value })}>
            <option value="">{t('staff.any')}</option>
            {people.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from">{t('admin.from')}</label>
          <input id="audit-from" type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="audit-to">{t('admin.to')}</label>
          <input id="audit-to" type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
      </form>
      <p className="actions">
        <CsvButton label={t('admin.csv')} busy={csv.busy} error={csv.error} onClick={() => void csv.download('/audit-events.csv', apiFilter, 'audit-trail.csv')} />
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} /> : null}
      {query.data ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('admin.audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.when')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('staff.col.client')}</th>
                  <th scope="col">{t('admin.audit.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.auditEvents.nodes.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{t.dateTime(e.at)}</th>
                    <td>{actionName(e.action)}</td>
                    <td>
                      {e.actorId ? (names.get(e.actorId) ?? e.actorId) : t('admin.audit.noActor')}
                      {e.actorRole ? <div className="meta">{t(`staff.role.${e.actorRole}`)}</div> : null}
                    </td>
                    <td>{e.patientId ? (names.get(e.patientId) ?? e.patientId) : '—'}</td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {query.data.auditEvents.nodes.length === 0 ? <p>{t('admin.audit.none')}</p> : null}
          <Pager pages={pages} hasNextPage={query.data.auditEvents.pageInfo.hasNextPage} endCursor={query.data.auditEvents.pageInfo.endCursor} label={t('admin.audit.pages')} />
        </>
      ) : null}
    </StaffPage>
  );
}
