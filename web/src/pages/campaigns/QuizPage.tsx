import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { campaignsApi, resultCardUrl, resultPath, type CampaignDetail, type QuizAnswer, type QuizItem } from '../../api/campaigns.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { CampaignShare } from './CampaignShare.tsx';
import { QuizItemView } from './QuizItemView.tsx';

interface QuizData {
  campaign: CampaignDetail;
  items: QuizItem[];
}

async function loadQuiz(slug: string, language: 'vi' | 'en', signal: AbortSignal): Promise<QuizData> {
  const [campaign, quiz] = await Promise.all([campaignsApi.get(slug, language, signal), campaignsApi.quiz(slug, language, signal)]);
  return { campaign, items: quiz.items };
}

/** "Spot the scam": one item at a time, answered scam or legit, then explained; a score at the end. */
export function QuizPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { slug = '' } = useParams();
  const [attempt, setAttempt] = useState(0);
  const quiz = useApi((signal) => loadQuiz(slug, language, signal), [slug, language, attempt]);
  // Switching the language mid-game reloads the texts; the game on screen stays (same items, same order).
  const shown = useRef<QuizData | null>(null);
  if (quiz.status === 'ready') shown.current = quiz.data;
  const playing = shown.current !== null && shown.current.campaign.slug === slug && shown.current.items.length > 0 ? shown.current : null;
  usePageTitle(quiz.status === 'ready' ? t('campaigns.quiz.pageTitle', { title: quiz.data.campaign.title }) : t('campaigns.quiz.heading'));

  return (
    <div className="container container--narrow page quiz-page">
      <p>
        <Link to={`/campaigns/${encodeURIComponent(slug)}`}>← {t('campaigns.quiz.backToCampaign')}</Link>
      </p>
      {quiz.status === 'loading' && !playing && <Loading label={t('app.loading')} />}
      {quiz.status === 'failed' && (
        <>
          <h1>{t('campaigns.quiz.heading')}</h1>
          <LoadError error={quiz.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {quiz.status === 'ready' && quiz.data.items.length === 0 && (
        <>
          <h1>{t('campaigns.quiz.heading')}</h1>
          <p className="notice">{t('campaigns.quiz.empty')}</p>
        </>
      )}
      {playing && quiz.status !== 'failed' && <Quiz data={playing} />}
    </div>
  );
}

function Quiz({ data }: { data: QuizData }) {
  const { t } = useTranslation();
  const { campaign, items } = data;
  const [round, setRound] = useState(0);
  const [index, setIndex] = useState(0);
  const [choices, setChoices] = useState<QuizAnswer[]>([]);
  const itemHeading = useRef<HTMLHeadingElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const scoreHeading = useRef<HTMLHeadingElement>(null);
  const startedRound = useRef<number | null>(null);
  const movedOnce = useRef(false);

  const done = index >= items.length;
  const item = items[Math.min(index, items.length - 1)];
  const answered = choices.length > index;
  const score = choices.filter((choice, i) => items[i]?.answer === choice).length;

  useEffect(() => {
    if (startedRound.current === round) return;
    startedRound.current = round;
    void campaignsApi.event(campaign.slug, 'quiz_start');
  }, [round, campaign.slug]);

  // Focus follows the play: the item's heading after "Next", the verdict after an answer, the
  // score at the end (not on the first render, where the page's own focus handling applies).
  useEffect(() => {
    if (!movedOnce.current) {
      movedOnce.current = true;
      return;
    }
    if (done) scoreHeading.current?.focus();
    else if (answered) feedbackHeading.current?.focus();
    else itemHeading.current?.focus();
  }, [index, answered, done]);

  const answer = (choice: QuizAnswer) => {
    if (answered || done) return;
    const next = [...choices, choice];
    setChoices(next);
    if (next.length === items.length) {
      const final = next.filter((c, i) => items[i]?.answer === c).length;
      void campaignsApi.event(campaign.slug, 'quiz_complete', { score: final, of: items.length });
    }
  };

  const playAgain = () => {
    setChoices([]);
    setIndex(0);
    setRound((n) => n + 1);
  };

  if (done) {
    return <QuizEnd campaign={campaign} items={items} choices={choices} score={score} headingRef={scoreHeading} onPlayAgain={playAgain} />;
  }
  if (!item) return null;
  const right = answered && choices[index] === item.answer;

  return (
    <section className="quiz" aria-labelledby="quiz-item-heading" data-testid="quiz">
      <h1 className="quiz__title">{t('campaigns.quiz.heading')}</h1>
      <div className="quiz__progress">
        <h2 id="quiz-item-heading" ref={itemHeading} tabIndex={-1} className="quiz__count" data-testid="quiz-progress">
          {t('campaigns.quiz.progress', { current: index + 1, total: items.length })}
        </h2>
        <progress max={items.length} value={index + (answered ? 1 : 0)} aria-hidden="true" className="quiz__bar" />
        {choices.length > 0 && <p className="quiz__score">{t('campaigns.quiz.scoreSoFar', { score, count: choices.length })}</p>}
      </div>

      <QuizItemView item={item} />

      {!answered && (
        <div className="quiz__answers" role="group" aria-label={t('campaigns.quiz.question')}>
          <p className="quiz__question">{t('campaigns.quiz.question')}</p>
          <button type="button" className="button quiz-answer quiz-answer--scam" onClick={() => answer('scam')}>
            {t('campaigns.quiz.scam')}
          </button>
          <button type="button" className="button quiz-answer quiz-answer--legit" onClick={() => answer('legit')}>
            {t('campaigns.quiz.legit')}
          </button>
        </div>
      )}

      <div aria-live="polite" className="visually-hidden" data-testid="quiz-live">
        {answered && (right ? t('campaigns.quiz.right') : t('campaigns.quiz.wrong')) + ' ' + t(item.answer === 'scam' ? 'campaigns.quiz.itWasScam' : 'campaigns.quiz.itWasLegit')}
      </div>

      {answered && (
        <div className={`quiz-feedback ${right ? 'quiz-feedback--right' : 'quiz-feedback--wrong'}`} data-testid="quiz-feedback">
          <h2 ref={feedbackHeading} tabIndex={-1} className="quiz-feedback__verdict">
            <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
            {right ? t('campaigns.quiz.right') : t('campaigns.quiz.wrong')}{' '}
            {t(item.answer === 'scam' ? 'campaigns.quiz.itWasScam' : 'campaigns.quiz.itWasLegit')}
          </h2>
          <p className="quiz-feedback__explanation" data-testid="quiz-explanation">
            {item.explanation}
          </p>
          {item.signs.length > 0 && (
            <>
              <h3 className="quiz-feedback__signs-title">{item.answer === 'scam' ? t('campaigns.quiz.signs') : t('campaigns.quiz.checks')}</h3>
              <ul className="quiz-feedback__signs" data-testid="quiz-signs">
                {item.signs.map((sign) => (
                  <li key={sign}>{sign}</li>
                ))}
              </ul>
            </>
          )}
          {item.articleSlug && (
            <p>
              <Link to={`/library/${encodeURIComponent(item.articleSlug)}`}>{t('campaigns.quiz.readArticle')}</Link>
            </p>
          )}
          <button type="button" className="button button--primary button--block quiz__next" onClick={() => setIndex((n) => n + 1)}>
            {index + 1 < items.length ? t('campaigns.quiz.next') : t('campaigns.quiz.seeScore')}
          </button>
        </div>
      )}
    </section>
  );
}

function QuizEnd({
  campaign,
  items,
  choices,
  score,
  headingRef,
  onPlayAgain,
}: {
  campaign: CampaignDetail;
  items: QuizItem[];
  choices: QuizAnswer[];
  score: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPlayAgain: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const of = items.length;
  const missed = items.filter((item, i) => choices[i] !== item.answer);
  // What to read next: the articles of the items missed, each once, in quiz order.
  const readNext = [...new Set(missed.map((item) => item.articleSlug).filter((s): s is string => Boolean(s)))];
  const titleOf = (slug: string) => campaign.articles.find((a) => a.slug === slug)?.title ?? slug;
  const band = score === of ? 'perfect' : score / of >= 0.75 ? 'good' : score / of >= 0.5 ? 'fair' : 'low';

  return (
    <section className="quiz-end" aria-labelledby="quiz-end-heading" data-testid="quiz-end">
      <h1 id="quiz-end-heading" ref={headingRef} tabIndex={-1} data-testid="quiz-score">
        {t('campaigns.result.score', { score, of })}
      </h1>
      <p className="quiz-end__band">{t(`campaigns.result.bands.${band}`)}</p>
      <img className="quiz-end__card" src={resultCardUrl(campaign.slug, score, of, language)} width={1200} height={630} alt={t('campaigns.result.cardAlt', { score, of, title: campaign.title })} />

      {readNext.length > 0 && (
        <section aria-labelledby="quiz-read-next">
          <h2 id="quiz-read-next">{t('campaigns.result.readNext')}</h2>
          <ul className="campaign-links" data-testid="read-next">
            {readNext.map((slug) => (
              <li key={slug}>
                <Link to={`/library/${encodeURIComponent(slug)}`}>{titleOf(slug)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {missed.length > 0 && readNext.length === 0 && <p>{t('campaigns.result.readLibrary')} <Link to="/library">{t('campaigns.result.library')}</Link></p>}

      <section aria-labelledby="quiz-share-heading">
        <h2 id="quiz-share-heading">{t('campaigns.result.shareHeading')}</h2>
        <CampaignShare slug={campaign.slug} path={resultPath(campaign.slug, score, of)} title={campaign.title} text={t('campaigns.result.shareText', { score, of, title: campaign.title })} />
      </section>

      <div className="button-row quiz-end__actions">
        <button type="button" className="button button--secondary" onClick={onPlayAgain}>
          {t('campaigns.result.playAgain')}
        </button>
        <Link to={`/campaigns/${encodeURIComponent(campaign.slug)}`} className="button button--secondary">
          {t('campaigns.quiz.backToCampaign')}
        </Link>
      </div>
    </section>
  );
}
