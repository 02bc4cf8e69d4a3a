import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { ClientAccess, OrganizationSettingsInput } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { StaffPage } from '../staff/common';

const SettingsDocument = graphql(`
  query OrganizationSettingsPage {
    myOrganization {
      id
      name
      timeZone
      crisisLine
      discreetSenderName
      clientAccess
      reminderPolicy {
        dueSoonHours
        quietHoursStart
        quietHoursEnd
      }
    }
  }
`);

const UpdateSettingsDocument = graphql(`
  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      organizationId
      timeZone
    }
  }
`);

const DevMailboxDocument = graphql(`
  query DevMailbox {
    devMailbox(first: 20) {
      id
      to
      subject
      fromName
      sentAt
      text
    }
  }
`);

/** Development only: the mail that would have been sent. The service refuses elsewhere, and the section then stays away. */
function DevMailbox() {
  const t = useT();
  const { request } = useServices();
  const mailbox = useQuery({ queryKey: ['devMailbox'], queryFn: () => request(DevMailboxDocument), retry: false });
  if (!mailbox.data) return null;
  return (
    <section aria-labelledby="mailbox-title">
      <h2 id="mailbox-title">{t('admin.settings.mailbox')}</h2>
      <p className="hint">{t('admin.settings.mailboxHint')}</p>
      {mailbox.data.devMailbox.length === 0 ? <p>{t('admin.settings.mailboxEmpty')}</p> : null}
      <ul className="cards">
        {mailbox.data.devMailbox.map((m) => (
          <li key={m.id} className="card">
            <h3>{m.subject}</h3>
            <p className="meta">{t('admin.settings.mailMeta', { from: m.fromName, to: m.to, when: t.dateTime(m.sentAt) })}</p>
            <details>
              <summary>{t('admin.settings.mailBody')}</summary>
              <p className="pre">{m.text}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Crisis line, time zone, discreet sender name, who sees clients, reminder policy. */
export function SettingsPage() {
  const t = useT();
  const { request, queryClient } = useServices();
  const query = useQuery({ queryKey: ['orgSettings'], queryFn: () => request(SettingsDocument) });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: OrganizationSettingsInput) => request(UpdateSettingsDocument, { input }),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['organization'] });
      void query.refetch();
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const org = query.data.myOrganization;
  const zones = TIME_ZONES.includes(org.timeZone) ? TIME_ZONES : [org.timeZone, ...TIME_ZONES];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    save.mutate({
      crisisLine: String(form.get('crisisLine') ?? '').trim(),
      timeZone: String(form.get('timeZone')),
      discreetSenderName: String(form.get('discreetSenderName')).trim(),
      clientAccess: String(form.get('clientAccess')) as ClientAccess,
      reminderPolicy: {
        dueSoonHours: Number(form.get('dueSoonHours')),
        quietHoursStart: String(form.get('quietHoursStart')),
        quietHoursEnd: String(form.get('quietHoursEnd')),
      },
    });
  };

  return (
    <StaffPage titleId="admin.settings.title">
      <form onSubmit={submit} className="wide-form">
        <label htmlFor="crisisLine">{t('admin.settings.crisisLine')}</label>
        <input id="crisisLine" name="crisisLine" type="tel" defaultValue={org.crisisLine ?? ''} aria-describedby="crisis-hint" />
        <p className="hint" id="crisis-hint">
          {t('admin.settings.crisisHint')}
        </p>
        <label htmlFor="timeZone">{t('admin.settings.timeZone')}</label>
        <select id="timeZone" name="timeZone" defaultValue={org.timeZone}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <label htmlFor="discreetSenderName">{t('admin.settings.sender')}</label>
        <input id="discreetSenderName" name="discreetSenderName" defaultValue={org.discreetSenderName} required aria-describedby="sender-hint" />
        <p className="hint" id="sender-hint">
          {t('admin.settings.senderHint')}
        </p>
        <fieldset>
          <legend>{t('admin.settings.clientAccess')}</legend>
          {(['CARE_TEAM', 'ALL_CLINICIANS'] as const).map((mode) => (
            <div className="option" key={mode}>
              <input type="radio" id={`access-${mode}`} name="clientAccess" value={mode} defaultChecked={org.clientAccess === mode} />
              <label htmlFor={`access-${mode}`}>{t(`admin.settings.access.${mode}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.reminders')}</legend>
          <label htmlFor="dueSoonHours">{t('admin.settings.dueSoonHours')}</label>
          <input id="dueSoonHours" name="dueSoonHours" type="number" min={1} max={336} defaultValue={org.reminderPolicy.dueSoonHours} className="short" />
          <label htmlFor="quietHoursStart">{t('admin.settings.quietStart')}</label>
          <input id="quietHoursStart" name="quietHoursStart" type="time" defaultValue={org.reminderPolicy.quietHoursStart} className="medium" />
          <label htmlFor="quietHoursEnd">{t('admin.settings.quietEnd')}</label>
          <input id="quietHoursEnd" name="quietHoursEnd" type="time" defaultValue={org.reminderPolicy.quietHoursEnd} className="medium" />
        </fieldset>
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        {saved ? <p role="status">{t('admin.settings.saved')}</p> : null}
        <button type="submit" disabled={save.isPending}>
          {t('admin.settings.save')}
        </button>
      </form>
      <DevMailbox />
    </StaffPage>
  );
}
