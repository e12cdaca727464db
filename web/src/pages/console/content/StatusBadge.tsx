import { useTranslation } from 'react-i18next';
import type { ContentStatus } from '../../../api/content-admin.ts';

export function StatusBadge({ status }: { status: ContentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge content-status content-status--${status}`} data-status={status}>{t(`contentEditor.statuses.${status}`)}</span>;
}
