import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useServices } from '../../app/services';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useT } from '../../i18n/useT';

const FindPeopleDocument = graphql(`
  query FindPeople($search: String, $role: Role) {
    users(first: 20, search: $search, role: $role) {
      nodes {
        id
        displayName
        role
        email
      }
    }
  }
`);

const LearnerNameDocument = graphql(`
  query LearnerName($learnerId: ID!) {
    learnerProgress(learnerId: $learnerId) {
      learner {
        id
        displayName
        role
      }
    }
  }
`);

/**
 * A person chosen by searching the directory on the server (a caseload of a
 * thousand never loads whole); a person already chosen elsewhere (the client
 * page's "Assign") stays selected.
 */
export function PersonPicker({ id, name, label, roles, preselected }: { id: string; name: string; label: string; roles?: Role[]; preselected?: string | null }) {
  const t = useT();
  const { request } = useServices();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const found = useQuery({
    queryKey: ['findPeople', deferred, roles?.length === 1 ? roles[0] : null],
    queryFn: () => request(FindPeopleDocument, { search: deferred || null, role: roles?.length === 1 ? roles[0] : null }),
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({ queryKey: ['learnerName', preselected], queryFn: () => request(LearnerNameDocument, { learnerId: preselected! }), enabled: !!preselected });
  const people = (found.data?.users.nodes ?? []).filter((p) => !roles || roles.includes(p.role));
  const pre = chosen.data?.learnerProgress.learner;
  const options = pre && !people.some((p) => p.id === pre.id) ? [pre, ...people] : people;
  return (
    <div className="picker">
      <label htmlFor={`${id}-search`}>{t('staff.picker.search')}</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} required key={pre?.id ?? 'none'} defaultValue={pre?.id ?? ''}>
        <option value="" disabled>
          {options.length ? t('staff.choose') : t('staff.picker.none')}
        </option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName} ({t(`staff.role.${p.role}`)})
          </option>
        ))}
      </select>
    </div>
  );
}
