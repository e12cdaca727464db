import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '../../api/public.ts';
import { FieldError } from './FieldError.tsx';
import type { StepProps } from './step-props.ts';

export function MoneyStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="report-amount" className="field__label">
          {t('report.money.amount')}
        </label>
        <p id="report-amount-hint" className="field__hint">
          {t('report.money.amountHint')}
        </p>
        <div className="input-suffix">
          <input
            id="report-amount"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            value={draft.amount}
            aria-invalid={errors['amount'] ? true : undefined}
            aria-describedby={`report-amount-hint${errors['amount'] ? ' report-amount-error' : ''}`}
            onChange={(event) => update({ amount: event.target.value })}
          />
          <span className="input-suffix__unit" aria-hidden="true">
            ₫
          </span>
        </div>
        <FieldError id="report-amount-error" message={errors['amount']} />
      </div>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('report.money.method')}</legend>
        <div className="choice-list">
          {PAYMENT_METHODS.map((method) => (
            <label key={method} className="choice">
              <input type="radio" name="payment" value={method} checked={draft.paymentMethod === method} onChange={() => update({ paymentMethod: method })} />
              {t(`payment.${method}`)}
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="payment" value="" checked={draft.paymentMethod === null} onChange={() => update({ paymentMethod: null })} />
            {t('payment.none')}
          </label>
        </div>
      </fieldset>
    </>
  );
}
