import { useTranslation } from 'react-i18next';
import { recogniseLines } from '../../identifiers/recognise.ts';
import { formatDate, formatVnd } from '../../portal/format.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { parseAmount } from './amount.ts';
import type { ReportDraft } from './draft.ts';
import { STEPS, type StepName } from './validate.ts';

interface ReviewStepProps {
  draft: ReportDraft;
  files: File[];
  onEdit: (step: number) => void;
}

/** Everything in one place before sending, each part with a way back to change it. */
export function ReviewStep({ draft, files, onEdit }: ReviewStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lines = recogniseLines(draft.identifiersText);
  const amount = parseAmount(draft.amount);
  const contact = [draft.contactName, draft.contactEmail, draft.contactPhone].map((s) => s.trim()).filter(Boolean);

  const row = (label: string, value: string, step: StepName) => (
    <div className="details__row review-row">
      <dt>{label}</dt>
      <dd>
        <span className="review-row__value">{value}</span>
        <button type="button" className="link-button" onClick={() => onEdit(STEPS.indexOf(step))}>
          {t('report.review.edit')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </dd>
    </div>
  );

  const identifiers = lines.flatMap((line) => (line.status === 'identifier' ? line.items.map((item) => item.display) : [line.line]));

  return (
    <dl className="details review">
      {row(t('report.review.category'), draft.category ? t(`fraudTypes.${draft.category}.name`) : '—', 'what')}
      {row(t('report.review.narrative'), draft.narrative.trim(), 'what')}
      {row(t('report.review.occurredOn'), draft.occurredOn ? formatDate(draft.occurredOn, language) : t('report.review.notGiven'), 'what')}
      {row(t('report.review.identifiers'), identifiers.length > 0 ? identifiers.join(', ') : t('report.review.notGiven'), 'who')}
      {row(
        t('report.review.money'),
        amount !== null && !Number.isNaN(amount)
          ? `${formatVnd(amount, language)}${draft.paymentMethod ? ` · ${t(`payment.${draft.paymentMethod}`)}` : ''}`
          : t('report.review.notGiven'),
        'money',
      )}
      {row(t('report.review.evidence'), files.length > 0 ? files.map((f) => f.name).join(', ') : t('report.review.notGiven'), 'evidence')}
      {row(
        t('report.review.contact'),
        contact.length > 0 ? `${contact.join(', ')}${draft.consent ? ` · ${t('report.review.consentGiven')}` : ''}` : t('report.review.anonymous'),
        'contact',
      )}
    </dl>
  );
}
