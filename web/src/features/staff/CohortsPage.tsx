import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { PersonPicker } from './ClientPicker';
import { StaffPage } from './common';

const CohortsDocument = graphql(`
  query Cohorts {
    cohorts {
      id
      name
      size
      memberIds
    }
    users(first: 100) {
      nodes {
        id
        displayName
        role
      }
    }
  }
`);

const CreateCohortDocument = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      id
    }
  }
`);

const AddToCohortDocument = graphql(`
  mutation AddToCohort($cohortId: ID!, $memberIds: [ID!]!) {
    addToCohort(cohortId: $cohortId, memberIds: $memberIds) {
      id
    }
  }
`);

const RemoveFromCohortDocument = graphql(`
  mutation RemoveFromCohort($cohortId: ID!, $memberIds: [ID!]!) {
    removeFromCohort(cohortId: $cohortId, memberIds: $memberIds) {
      id
    }
  }
`);

/** Named groups to assign to at once: create, add and remove members, assign. */
export function CohortsPage() {
  const t = useT();
  const { request } = useServices();
  const query = useQuery({ queryKey: ['cohorts'], queryFn: () => request(CohortsDocument) });
  const refetch = () => void query.refetch();
  const create = useMutation({ mutationFn: (name: string) => request(CreateCohortDocument, { input: { name, memberIds: [] } }), onSuccess: refetch });
  const add = useMutation({ mutationFn: (v: { cohortId: string; memberIds: string[] }) => request(AddToCohortDocument, v), onSuccess: refetch });
  const remove = useMutation({ mutationFn: (v: { cohortId: string; memberIds: string[] }) => request(RemoveFromCohortDocument, v), onSuccess: refetch });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const people = new Map(query.data.users.nodes.map((u) => [u.id, u]));

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(String(new FormData(event.currentTarget).get('name')).trim());
    event.currentTarget.reset();
  };

  return (
    <StaffPage titleId="staff.cohorts.title">
      <form onSubmit={onCreate} className="inline-form" aria-label={t('staff.cohorts.create')}>
        <label htmlFor="cohort-name">{t('staff.cohorts.name')}</label>
        <input id="cohort-name" name="name" required className="medium" />
        <button type="submit" disabled={create.isPending}>
          {t('staff.cohorts.create')}
        </button>
      </form>
      {[create, add, remove].map((m, i) => (m.isError ? <ErrorMessage key={i} error={m.error} /> : null))}
      {query.data.cohorts.length === 0 ? <p>{t('staff.cohorts.none')}</p> : null}
      <ul className="cards">
        {query.data.cohorts.map((c) => {
          return (
            <li key={c.id} className="card">
              <h2>{t('staff.cohorts.nameSize', { name: c.name, size: c.size })}</h2>
              <ul className="plain members">
                {c.memberIds.map((id) => (
                  <li key={id}>
                    {people.get(id)?.displayName ?? t('staff.cohorts.someone')}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => remove.mutate({ cohortId: c.id, memberIds: [id] })}
                      aria-label={t('staff.cohorts.removeFrom', { name: people.get(id)?.displayName ?? '', cohort: c.name })}
                    >
                      {t('staff.cohorts.remove')}
                    </button>
                  </li>
                ))}
              </ul>
              <form
                className="inline-form"
                aria-label={t('staff.cohorts.addTo', { cohort: c.name })}
                onSubmit={(e) => {
                  e.preventDefault();
                  add.mutate({ cohortId: c.id, memberIds: [String(new FormData(e.currentTarget).get('member'))] });
                }}
              >
                <PersonPicker id={`add-${c.id}`} name="member" label={t('staff.cohorts.add')} roles={['PATIENT', 'FAMILY', 'STAFF']} />
                <button type="submit" className="secondary" disabled={add.isPending}>
                  {t('staff.cohorts.addButton')}
                </button>
              </form>
              <p>
                <Link to={`/staff/assign?cohort=${c.id}`}>{t('staff.cohorts.assign', { cohort: c.name })}</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </StaffPage>
  );
}
