import { useEffect, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import { useServices } from '../app/services';

/**
 * "Saved" or "Will save when you're back online", announced politely; and a
 * warning before leaving the page while saves are still waiting.
 */
export function SaveStatus() {
  const intl = useIntl();
  const { queue } = useServices();
  const state = useSyncExternalStore(
    (onChange) => queue.subscribe(onChange),
    () => queue.status,
  );
  useEffect(() => {
    const onOnline = () => void queue.flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.size > 0) event.preventDefault();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', beforeUnload);
    // Some networks come back without an `online` event: try again now and then while saves wait.
    const retry = setInterval(() => {
      if (queue.size > 0) void queue.flush();
    }, 10_000);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', beforeUnload);
      clearInterval(retry);
    };
  }, [queue]);
  return (
    <p className={`save-status save-status--${state}`} role="status" aria-live="polite">
      {state === 'idle' ? '' : intl.formatMessage({ id: `save.${state}` })}
    </p>
  );
}
