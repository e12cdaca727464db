import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { verifyAudit, type AuditVerification } from '../../../api/settings.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatDateTime, formatNumber } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';

/** The hash chain's verification, run when the page opens (admins only) and again on demand. */
export function ChainStatus({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [result, setResult] = useState<{ verification: AuditVerification; at: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setResult({ verification: await verifyAudit(), at: new Date().toISOString() });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    if (isAdmin) void run();
  }, [isAdmin, run]);

  if (!isAdmin) {
    return (
      <section className="card settings-chain" aria-labelledby="chain-title">
        <h3 id="chain-title">{t('settings.audit.chain')}</h3>
        <p>{t('settings.audit.verifyAdminOnly')}</p>
      </section>
    );
  }
  const v = result?.verification;
  return (
    <section className={`card settings-chain ${v ? (v.ok ? 'settings-chain--ok' : 'settings-chain--broken') : ''}`} aria-labelledby="chain-title" aria-busy={busy} data-testid="chain-status" data-state={busy ? 'checking' : v ? (v.ok ? 'ok' : 'broken') : 'unknown'}>
      <h3 id="chain-title">{t('settings.audit.chain')}</h3>
      <div role="status">
        {busy && <p>{t('settings.audit.verifying')}</p>}
        {!busy && v?.ok === true && (
          <>
            <p className="settings-chain__verdict">✓ {t('settings.audit.verifiedTitle')}</p>
            <p>{t('settings.audit.verifiedBody', { count: v.records, time: formatDateTime(result!.at, language) })}</p>
            <p className="admin-muted">{t('settings.audit.hash')}: <code>{v.headHash}</code></p>
          </>
        )}
        {!busy && v?.ok === false && (
          <>
            <p className="settings-chain__verdict">✗ {t('settings.audit.brokenTitle')}</p>
            <p>{t('settings.audit.brokenBody', { seq: v.seq, reason: v.reason, count: formatNumber(v.records, language) })}</p>
            <p><Link to={`/console/settings/audit?record=${v.seq}`}>{t('settings.audit.showBroken', { seq: v.seq })}</Link></p>
          </>
        )}
      </div>
      <ProblemNotice error={error} />
      <button type="button" className="button button--secondary" onClick={() => void run()} disabled={busy}>{t('settings.audit.verifyAgain')}</button>
    </section>
  );
}
