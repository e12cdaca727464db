import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * The one search box: a phone number, a bank account, a link, a Facebook/Zalo/Telegram account
 * or a whole pasted message. Enter checks; Shift+Enter starts a new line for a message.
 */
export function SearchBox({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const id = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const query = value.trim();
    if (query === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    void navigate(`/check?q=${encodeURIComponent(query)}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form className="search-box" role="search" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-q`} className="search-box__label">
        {t('search.label')}
      </label>
      <p id={`${id}-hint`} className="search-box__hint">
        {t('search.hint')}
      </p>
      <div className="search-box__row">
        <textarea
          id={`${id}-q`}
          name="q"
          className="field__input search-box__input"
          rows={2}
          value={value}
          autoFocus={autoFocus}
          aria-describedby={`${id}-hint${empty ? ` ${id}-error` : ''}`}
          aria-invalid={empty || undefined}
          placeholder={t('search.placeholder')}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button button--primary search-box__submit">
          {t('search.submit')}
        </button>
      </div>
      {empty && (
        <p id={`${id}-error`} className="field__error">
          {t('search.empty')}
        </p>
      )}
    </form>
  );
}
