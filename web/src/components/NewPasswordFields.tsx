import { useT } from '../i18n/useT';

/** The service refuses shorter passwords too; saying so here saves a round trip. */
export const MIN_PASSWORD = 12;

/** Choosing a password, typed twice (invite, reset, change): fields named `password` and `confirm`. */
export function NewPasswordFields() {
  const t = useT();
  return (
    <>
      <label htmlFor="password">{t('field.newPassword')}</label>
      <input id="password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} aria-describedby="password-hint" />
      <p id="password-hint" className="hint">
        {t('invite.passwordHint', { min: MIN_PASSWORD })}
      </p>
      <label htmlFor="confirm">{t('field.confirmPassword')}</label>
      <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
    </>
  );
}

/** What is wrong with the chosen password in `form`, in words, or null when it can be sent. */
export function newPasswordProblem(form: FormData, t: ReturnType<typeof useT>): string | null {
  const password = String(form.get('password'));
  if (password.length < MIN_PASSWORD) return t('invite.passwordShort', { min: MIN_PASSWORD });
  if (password !== String(form.get('confirm'))) return t('invite.passwordMismatch');
  return null;
}
