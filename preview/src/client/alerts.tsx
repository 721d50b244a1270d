// Alerts an extension raises with actions.addAlert, shown above the extension as HubSpot does.
import { useCallback, useState } from 'react';

export interface RaisedAlert {
  id: number;
  type: string;
  title?: string;
  message: string;
}

const VARIANT: Record<string, string> = {
  success: 'success',
  warning: 'warning',
  danger: 'danger',
  tip: 'info',
  info: 'info',
};

export function useAlerts() {
  const [alerts, setAlerts] = useState<RaisedAlert[]>([]);
  const add = useCallback((payload: unknown) => {
    const p = (payload ?? {}) as { type?: string; title?: string; message?: string };
    setAlerts((list) => [
      ...list,
      {
        id: Date.now() + list.length,
        type: p.type ?? 'info',
        title: p.title,
        message: p.message ?? '',
      },
    ]);
  }, []);
  const dismiss = useCallback(
    (id: number) => setAlerts((list) => list.filter((a) => a.id !== id)),
    [],
  );
  return { alerts, add, dismiss };
}

export function AlertStack({
  alerts,
  dismiss,
}: {
  alerts: RaisedAlert[];
  dismiss: (id: number) => void;
}) {
  return (
    <div className="alert-stack">
      {alerts.map((a) => (
        <div
          key={a.id}
          className={`hs-alert hs-alert--${VARIANT[a.type] ?? 'info'}`}
          role="status"
          data-alert-type={a.type}
        >
          <button
            type="button"
            className="hs-modal__close"
            aria-label="Dismiss"
            onClick={() => dismiss(a.id)}
          >
            ✕
          </button>
          {a.title ? <div className="hs-alert__title">{a.title}</div> : null}
          <div className="hs-alert__body">{a.message}</div>
        </div>
      ))}
    </div>
  );
}
