import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { PeopleQuery, Role } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { Pager, StaffPage, useCursorPages } from '../staff/common';

const PeopleDocument = graphql(`
  query People($first: Int!, $after: String, $role: Role, $search: String, $deactivated: Boolean) {
    users(first: $first, after: $after, role: $role, search: $search, deactivated: $deactivated) {
      nodes {
        id
        displayName
        role
        email
        careTeam
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    clinicians: users(first: 100, role: CLINICIAN) {
      nodes {
        id
        displayName
      }
    }
  }
`);

const AddToCareTeamDocument = graphql(`
  mutation AddToCareTeam($clientId: ID!, $clinicianId: ID!) {
    addToCareTeam(clientId: $clientId, clinicianId: $clinicianId) {
      id
      careTeam
    }
  }
`);

const RemoveFromCareTeamDocument = graphql(`
  mutation RemoveFromCareTeam($clientId: ID!, $clinicianId: ID!) {
    removeFromCareTeam(clientId: $clientId, clinicianId: $clinicianId) {
      id
      careTeam
    }
  }
`);

const TransferClientDocument = graphql(`
  mutation TransferClient($clientId: ID!, $toClinicianId: ID!) {
    transferClient(clientId: $clientId, toClinicianId: $toClinicianId) {
      id
      careTeam
    }
  }
`);

const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($id: ID!, $reason: String!) {
    deactivateUser(id: $id, reason: $reason) {
      id
    }
  }
`);

const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
    }
  }
`);

const UpdateUserDocument = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      displayName
      role
    }
  }
`);

type Person = PeopleQuery['users']['nodes'][number];
const STAFF_ROLES: Role[] = ['ADMIN', 'CLINICIAN', 'STAFF'];

/** Edit a name (and, for staff, the role); deactivate with a reason, or reactivate. */
function PersonActions({ person, deactivated, onChange }: { person: Person; deactivated: boolean; onChange: () => void }) {
  const t = useT();
  const { request } = useServices();
  const [open, setOpen] = useState<'edit' | 'deactivate' | null>(null);
  const done = () => {
    setOpen(null);
    onChange();
  };
  const update = useMutation({ mutationFn: (input: { displayName: string; role?: Role }) => request(UpdateUserDocument, { input: { id: person.id, ...input } }), onSuccess: done });
  const deactivate = useMutation({ mutationFn: (reason: string) => request(DeactivateUserDocument, { id: person.id, reason }), onSuccess: done });
  const reactivate = useMutation({ mutationFn: () => request(ReactivateUserDocument, { id: person.id }), onSuccess: done });
  const staff = STAFF_ROLES.includes(person.role);
  const errors = [update, deactivate, reactivate].map((m, i) => (m.isError ? <ErrorMessage key={i} error={m.error} /> : null));
  if (deactivated)
    return (
      <>
        <button type="button" className="secondary" onClick={() => reactivate.mutate()} disabled={reactivate.isPending} aria-label={t('admin.people.reactivateName', { name: person.displayName })}>
          {t('admin.people.reactivate')}
        </button>
        {errors}
      </>
    );
  if (open === 'edit')
    return (
      <form
        aria-label={t('admin.people.editName', { name: person.displayName })}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const role = form.get('role') as Role | null;
          update.mutate({ displayName: String(form.get('displayName')).trim(), ...(role && role !== person.role ? { role } : {}) });
        }}
      >
        <label htmlFor={`name-${person.id}`}>{t('admin.people.name')}</label>
        <input id={`name-${person.id}`} name="displayName" defaultValue={person.displayName} required />
        {staff ? (
          <>
            <label htmlFor={`role-${person.id}`}>{t('admin.people.role')}</label>
            <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`staff.role.${r}`)}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {errors}
        <div className="actions">
          <button type="submit" disabled={update.isPending}>
            {t('admin.people.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            {t('staff.cancel')}
          </button>
        </div>
      </form>
    );
  if (open === 'deactivate')
    return (
      <form
        aria-label={t('admin.people.deactivateName', { name: person.displayName })}
        onSubmit={(e) => {
          e.preventDefault();
          deactivate.mutate(String(new FormData(e.currentTarget).get('reason')).trim());
        }}
      >
        <label htmlFor={`reason-${person.id}`}>{t('admin.people.reason')}</label>
        <input id={`reason-${person.id}`} name="reason" required />
        <p className="hint">{t('admin.people.deactivateHint')}</p>
        {errors}
        <div className="actions">
          <button type="submit" disabled={deactivate.isPending}>
            {t('admin.people.confirmDeactivate')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            {t('staff.cancel')}
          </button>
        </div>
      </form>
    );
  return (
    <div className="inline-form">
      <button type="button" className="link-button" onClick={() => setOpen('edit')} aria-label={t('admin.people.editName', { name: person.displayName })}>
        {t('admin.people.edit')}
      </button>
      <button type="button" className="link-button" onClick={() => setOpen('deactivate')} aria-label={t('admin.people.deactivateName', { name: person.displayName })}>
        {t('admin.people.deactivate')}
      </button>
    </div>
  );
}
const ROLES: Role[] = ['ADMIN', 'CLINICIAN', 'STAFF', 'PATIENT', 'FAMILY'];

/** A client's care team: who is on it, add or remove a clinician, or move the client to one clinician. */
function CareTeam({ person, clinicians, onChange }: { person: Person; clinicians: { id: string; displayName: string }[]; onChange: () => void }) {
  const t = useT();
  const { request } = useServices();
  const [choice, setChoice] = useState('');
  const add = useMutation({ mutationFn: () => request(AddToCareTeamDocument, { clientId: person.id, clinicianId: choice }), onSuccess: onChange });
  const remove = useMutation({ mutationFn: (clinicianId: string) => request(RemoveFromCareTeamDocument, { clientId: person.id, clinicianId }), onSuccess: onChange });
  const transfer = useMutation({ mutationFn: () => request(TransferClientDocument, { clientId: person.id, toClinicianId: choice }), onSuccess: onChange });
  const names = new Map(clinicians.map((c) => [c.id, c.displayName]));
  const team = person.careTeam ?? [];
  return (
    <div className="care-team">
      <ul className="plain">
        {team.map((id) => (
          <li key={id}>
            {names.get(id) ?? id}{' '}
            <button type="button" className="link-button" onClick={() => remove.mutate(id)} aria-label={t('admin.people.removeFromTeam', { clinician: names.get(id) ?? id, client: person.displayName })}>
              {t('staff.cohorts.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label htmlFor={`team-${person.id}`} className="visually-hidden">
          {t('admin.people.clinicianFor', { client: person.displayName })}
        </label>
        <select id={`team-${person.id}`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('admin.people.chooseClinician')}</option>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" disabled={!choice || add.isPending} onClick={() => add.mutate()} aria-label={t('admin.people.addToTeamOf', { client: person.displayName })}>
          {t('admin.people.add')}
        </button>
        <button type="button" className="secondary" disabled={!choice || transfer.isPending} onClick={() => transfer.mutate()} aria-label={t('admin.people.transferOf', { client: person.displayName })}>
          {t('admin.people.transfer')}
        </button>
      </div>
      {[add, remove, transfer].map((m, i) => (m.isError ? <ErrorMessage key={i} error={m.error} /> : null))}
    </div>
  );
}

/** The directory: search, filter by role, invite, and care teams for clients. */
export function PeoplePage() {
  const t = useT();
  const { request, queryClient } = useServices();
  const pages = useCursorPages();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [deactivated, setDeactivated] = useState(false);
  const deferred = useDeferredValue(search);
  const query = useQuery({
    queryKey: ['people', pages.after, role, deferred, deactivated],
    queryFn: () => request(PeopleDocument, { first: 25, after: pages.after, role: role || null, search: deferred || null, deactivated: deactivated || null }),
    placeholderData: keepPreviousData,
  });
  return (
    <StaffPage titleId="admin.people.title">
      <p>
        <Link className="button" to="/staff/invite">
          {t('admin.people.invite')}
        </Link>
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('staff.filters')}>
        <div>
          <label htmlFor="people-search">{t('staff.picker.search')}</label>
          <input
            id="people-search"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              pages.reset();
            }}
          />
        </div>
        <div>
          <label htmlFor="people-role">{t('admin.people.role')}</label>
          <select
            id="people-role"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role | '');
              pages.reset();
            }}
          >
            <option value="">{t('staff.any')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="option">
          <input
            id="people-deactivated"
            type="checkbox"
            checked={deactivated}
            onChange={(e) => {
              setDeactivated(e.target.checked);
              pages.reset();
            }}
          />
          <label htmlFor="people-deactivated">{t('admin.people.showDeactivated')}</label>
        </div>
      </form>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} /> : null}
      {query.data ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('admin.people.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.people.name')}</th>
                  <th scope="col">{t('admin.people.role')}</th>
                  <th scope="col">{t('staff.field.email')}</th>
                  <th scope="col">{t('admin.people.careTeam')}</th>
                  <th scope="col">{t('staff.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.users.nodes.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.role === 'PATIENT' || p.role === 'FAMILY' ? <Link to={`/staff/clients/${p.id}`}>{p.displayName}</Link> : p.displayName}</th>
                    <td>{t(`staff.role.${p.role}`)}</td>
                    <td>{p.email}</td>
                    <td>{p.role === 'PATIENT' || p.role === 'FAMILY' ? <CareTeam person={p} clinicians={query.data.clinicians.nodes} onChange={() => void query.refetch()} /> : '—'}</td>
                    <td>
                      <PersonActions person={p} deactivated={deactivated} onChange={() => void queryClient.invalidateQueries({ queryKey: ['people'] })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {query.data.users.nodes.length === 0 ? <p>{t('staff.picker.none')}</p> : null}
          <Pager pages={pages} hasNextPage={query.data.users.pageInfo.hasNextPage} endCursor={query.data.users.pageInfo.endCursor} label={t('admin.people.pages')} />
        </>
      ) : null}
    </StaffPage>
  );
}
