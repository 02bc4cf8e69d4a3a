import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

export const IDLE_LIMIT_MS = 15 * 60_000;
const WARNING_MS = 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Signs out after 15 minutes without input, warning a minute before. The warning
 * is a live region, not a modal, so it never covers the crisis bar.
 */
export function IdleSignOut({ onIdle }: { onIdle: () => void }) {
  const intl = useIntl();
  const [warning, setWarning] = useState(false);
  const [lastActive, setLastActive] = useState(() => Date.now());

  useEffect(() => {
    let reported = Date.now();
    const onActivity = () => {
      // Many events per second while scrolling: re-arm the timers at most every few seconds.
      const now = Date.now();
      if (now - reported > 5_000) {
        reported = now;
        setLastActive(now);
      }
    };
    for (const name of ACTIVITY) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, onActivity);
    };
  }, []);

  useEffect(() => {
    setWarning(false);
    const warn = setTimeout(() => setWarning(true), IDLE_LIMIT_MS - WARNING_MS);
    const end = setTimeout(onIdle, IDLE_LIMIT_MS);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [lastActive, onIdle]);

  if (!warning) return null;
  return (
    <div className="idle-warning" role="alert">
      <p>{intl.formatMessage({ id: 'idle.warning' })}</p>
      <button type="button" onClick={() => setLastActive(Date.now())}>
        {intl.formatMessage({ id: 'idle.stay' })}
      </button>
    </div>
  );
}
