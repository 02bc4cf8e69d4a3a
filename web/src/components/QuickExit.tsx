import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { signOutHere, useServices } from '../app/services';

/** Where quick exit goes: an ordinary page that says nothing about this app. */
export const NEUTRAL_SITE = 'https://www.weather.gov/';
const DOUBLE_ESCAPE_MS = 800;

/**
 * Leaves at once: the tab's current entry is replaced by a neutral site (so Back
 * does not return here), everything in memory is dropped and the session ends.
 * Escape pressed twice quickly does the same.
 */
export function useQuickExit(enabled: boolean): () => void {
  const services = useServices();
  const lastEscape = useRef(0);
  const exit = () => {
    void signOutHere(services);
    document.title = '';
    window.location.replace(NEUTRAL_SITE);
  };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp || performance.now();
      if (now - lastEscape.current < DOUBLE_ESCAPE_MS) exit();
      lastEscape.current = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return exit;
}

export function QuickExitButton({ onExit }: { onExit: () => void }) {
  const intl = useIntl();
  return (
    <button type="button" className="quick-exit" onClick={onExit} aria-describedby="quick-exit-hint">
      {intl.formatMessage({ id: 'quickExit.button' })}
      <span id="quick-exit-hint" className="visually-hidden">
        {intl.formatMessage({ id: 'quickExit.hint' })}
      </span>
    </button>
  );
}
