import { useEffect } from 'react';
import type { Notice } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';

/** How long a notice stays before it dismisses itself. */
const NOTICE_LIFETIME_MS = 6000;

interface NoticeListProps {
  readonly notices: readonly Notice[];
}

/** Short messages from main, announced to screen readers, each dismissable. */
export function NoticeList({ notices }: NoticeListProps) {
  return (
    <div className="notice-list" role="status" aria-live="polite">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function NoticeItem({ notice }: { readonly notice: Notice }) {
  const api = useRendererApi();
  const { action } = notice;
  const staysUntilDismissed = action !== undefined;
  useEffect(() => {
    if (staysUntilDismissed) return undefined;
    const timer = setTimeout(() => void api.dismissNotice({ id: notice.id }), NOTICE_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [api, notice.id, staysUntilDismissed]);
  const act = async (instanceId: string) => {
    await api.dismissNotice({ id: notice.id });
    await api.signIn({ id: instanceId });
  };
  return (
    <div className={`notice notice-${notice.kind}`}>
      <span className="notice-text">{notice.text}</span>
      {action !== undefined && (
        <button type="button" className="notice-action" onClick={() => void act(action.instanceId)}>
          {action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => void api.dismissNotice({ id: notice.id })}>
        ×
      </button>
    </div>
  );
}
