import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUIZ_ANSWERS, QUIZ_KINDS } from '../../../api/campaigns.ts';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';
import { emptyQuizItem, type QuizItemForm, type QuizItemTextForm } from './campaign-form.ts';
import { move } from './reorder.ts';
import { TextField } from './TextField.tsx';

interface Props {
  items: QuizItemForm[];
  onChange: (next: QuizItemForm[]) => void;
  articles: readonly { slug: string; title: string }[];
  error: unknown;
}

/** The quiz: items in order, each with its answer and its texts in both languages; add, remove, reorder. */
export function QuizItemsEditor({ items, onChange, articles, error }: Props) {
  const { t } = useTranslation();
  const update = (index: number, next: QuizItemForm) => onChange(items.map((item, i) => (i === index ? next : item)));
  const focusItem = (key: string) => requestAnimationFrame(() => document.getElementById(`quiz-editor-${key}`)?.focus());
  const add = () => {
    const item = emptyQuizItem(items.length + 1);
    onChange([...items, item]);
    focusItem(item.key);
  };
  const reorder = (index: number, by: -1 | 1) => {
    const key = items[index]?.key;
    onChange(move(items, index, by));
    if (key) focusItem(key);
  };
  const listErrors = fieldErrors(error, '/quiz');

  return (
    <section className="campaign-quiz" aria-labelledby="quiz-editor-heading">
      <h2 id="quiz-editor-heading">{t('campaigns.console.quiz.heading', { count: items.length })}</h2>
      <p className="field__hint">{t('campaigns.console.quiz.hint')}</p>
      {listErrors.length > 0 && <p className="field__error">{t('campaigns.console.quiz.hasErrors')}</p>}
      <ol className="campaign-quiz__list">
        {items.map((item, index) => (
          <li key={item.key}>
            <QuizItemFields
              item={item}
              index={index}
              total={items.length}
              articles={articles}
              error={error}
              onChange={(next) => update(index, next)}
              onMove={(by) => reorder(index, by)}
              onRemove={() => {
                onChange(items.filter((_, i) => i !== index));
                requestAnimationFrame(() => document.getElementById('quiz-add')?.focus());
              }}
            />
          </li>
        ))}
      </ol>
      <button type="button" id="quiz-add" className="button button--secondary" onClick={add}>
        {t('campaigns.console.quiz.add')}
      </button>
    </section>
  );
}

function QuizItemFields({
  item,
  index,
  total,
  articles,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  item: QuizItemForm;
  index: number;
  total: number;
  articles: readonly { slug: string; title: string }[];
  error: unknown;
  onChange: (next: QuizItemForm) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const at = `/quiz/${index}`;
  const set = <K extends keyof QuizItemForm>(key: K, value: QuizItemForm[K]) => onChange({ ...item, [key]: value });
  const setText = (lang: 'vi' | 'en', key: keyof QuizItemTextForm) => (value: string) => onChange({ ...item, [lang]: { ...item[lang], [key]: value } });
  const hasErrors = fieldErrors(error, at).length > 0;
  // New and empty items start open, filled ones folded; an item the server complains about opens.
  const [open, setOpen] = useState(() => !item.vi.content);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  const number = index + 1;
  const summary = `${number}. ${t(`campaigns.console.quiz.kinds.${item.kind}`)} · ${item.sender || '…'} · ${t(`campaigns.quiz.${item.answer}`)}`;

  return (
    <details
      className={`campaign-quiz__item${hasErrors ? ' campaign-quiz__item--invalid' : ''}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="quiz-editor-item"
    >
      <summary id={`quiz-editor-${item.key}`}>
        {summary}
        {hasErrors && <span className="field__error"> — {t('campaigns.console.quiz.itemHasErrors')}</span>}
      </summary>
      <fieldset className="campaign-quiz__fields">
        <legend className="visually-hidden">{t('campaigns.console.quiz.item', { number })}</legend>
        <div className="campaign-grid campaign-grid--4">
          <TextField label={t('campaigns.console.quiz.id')} value={item.id} onChange={(v) => set('id', v)} error={error} pointer={`${at}/id`} maxLength={40} />
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kind`}>
              {t('campaigns.console.quiz.kind')}
            </label>
            <select id={`${id}-kind`} className="field__input" value={item.kind} onChange={(e) => set('kind', e.target.value as QuizItemForm['kind'])}>
              {QUIZ_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`campaigns.console.quiz.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField label={t('campaigns.console.quiz.channel')} value={item.channel} onChange={(v) => set('channel', v)} error={error} pointer={`${at}/channel`} maxLength={40} hint={t('campaigns.console.quiz.channelHint')} />
          <TextField label={t('campaigns.console.quiz.sender')} value={item.sender} onChange={(v) => set('sender', v)} error={error} pointer={`${at}/sender`} maxLength={120} />
        </div>
        <div className="campaign-grid">
          <fieldset className="campaign-quiz__answer">
            <legend>{t('campaigns.console.quiz.answer')}</legend>
            {QUIZ_ANSWERS.map((answer) => (
              <label key={answer} className="check">
                <input type="radio" name={`${id}-answer`} value={answer} checked={item.answer === answer} onChange={() => set('answer', answer)} /> {t(`campaigns.quiz.${answer}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-article`}>
              {t('campaigns.console.quiz.article')}
            </label>
            <select id={`${id}-article`} className="field__input" value={item.articleSlug} onChange={(e) => set('articleSlug', e.target.value)}>
              <option value="">{t('campaigns.console.quiz.noArticle')}</option>
              {item.articleSlug && !articles.some((a) => a.slug === item.articleSlug) && <option value={item.articleSlug}>{item.articleSlug}</option>}
              {articles.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="campaign-languages">
          {(['vi', 'en'] as const).map((lang) => (
            <fieldset key={lang} lang={lang} className="campaign-texts">
              <legend>{t(`campaigns.console.languages.${lang}`)}</legend>
              <TextField label={t('campaigns.console.quiz.content')} value={item[lang].content} onChange={setText(lang, 'content')} error={error} pointer={`${at}/${lang}/content`} rows={4} />
              <TextField
                label={item.answer === 'scam' ? t('campaigns.console.quiz.signs') : t('campaigns.console.quiz.checks')}
                value={item[lang].signs}
                onChange={setText(lang, 'signs')}
                error={error}
                pointer={`${at}/${lang}/signs`}
                rows={3}
                hint={t('campaigns.console.onePerLine')}
              />
              <TextField label={t('campaigns.console.quiz.explanation')} value={item[lang].explanation} onChange={setText(lang, 'explanation')} error={error} pointer={`${at}/${lang}/explanation`} rows={3} />
            </fieldset>
          ))}
        </div>
        <div className="button-row campaign-quiz__actions">
          <button type="button" className="button button--secondary" onClick={() => onMove(-1)} disabled={index === 0}>
            {t('campaigns.console.quiz.up')}
            <span className="visually-hidden"> {t('campaigns.console.quiz.item', { number })}</span>
          </button>
          <button type="button" className="button button--secondary" onClick={() => onMove(1)} disabled={index === total - 1}>
            {t('campaigns.console.quiz.down')}
            <span className="visually-hidden"> {t('campaigns.console.quiz.item', { number })}</span>
          </button>
          <button type="button" className="button button--danger" onClick={onRemove}>
            {t('campaigns.console.quiz.remove')}
            <span className="visually-hidden"> {t('campaigns.console.quiz.item', { number })}</span>
          </button>
        </div>
      </fieldset>
    </details>
  );
}
