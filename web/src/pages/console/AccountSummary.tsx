import { useTranslation } from 'react-i18next';
import type { User } from '../../api/auth.ts';

export function AccountSummary({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('console.accountHeading')}</h2>
      <dl className="details" data-testid="account-summary">
        <div className="details__row">
          <dt>{t('console.name')}</dt>
          <dd data-testid="account-name">{user.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('console.email')}</dt>
          <dd data-testid="account-email">{user.email}</dd>
        </div>
        <div className="details__row">
          <dt>{t('console.role')}</dt>
          <dd>
            <span className="badge" data-testid="account-role" data-role={user.role}>
              {t(`roles.${user.role}`)}
            </span>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('console.organization')}</dt>
          <dd data-testid="account-organization">{user.organization.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('console.organizationKind')}</dt>
          <dd data-testid="account-organization-kind">{t(`organizationKinds.${user.organization.kind}`)}</dd>
        </div>
      </dl>
    </section>
  );
}
