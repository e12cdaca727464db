import { useTranslation } from 'react-i18next';
import type { QuizItem } from '../../api/campaigns.ts';

/**
 * One quiz item drawn like the thing itself: a chat bubble, a social post, an incoming call, a
 * payment request, an e-mail or a web page. Only text is shown (never a live link), and the
 * caption says in words what the drawing is, for screen readers.
 */
export function QuizItemView({ item }: { item: QuizItem }) {
  const { t } = useTranslation();
  const caption = t(`campaigns.quiz.kinds.${item.kind}`, { channel: item.channel, sender: item.sender });
  return (
    <figure className={`quiz-item quiz-item--${item.kind}`} data-kind={item.kind}>
      <figcaption className="quiz-item__caption">{caption}</figcaption>
      <Drawing item={item} />
    </figure>
  );
}

function initial(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase();
}

function Drawing({ item }: { item: QuizItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'message':
      return (
        <div className="quiz-phone">
          <div className="quiz-phone__bar">
            <span className="quiz-avatar" aria-hidden="true">{initial(item.sender)}</span>
            <span>
              <span className="quiz-phone__sender">{item.sender}</span>
              <span className="quiz-phone__channel">{item.channel}</span>
            </span>
          </div>
          <div className="quiz-phone__thread">
            <p className="quiz-bubble">{item.content}</p>
          </div>
        </div>
      );
    case 'post':
      return (
        <div className="quiz-post">
          <div className="quiz-post__head">
            <span className="quiz-avatar" aria-hidden="true">{initial(item.sender)}</span>
            <span>
              <span className="quiz-post__sender">{item.sender}</span>
              <span className="quiz-post__channel">{item.channel}</span>
            </span>
          </div>
          <p className="quiz-post__content">{item.content}</p>
          <p className="quiz-post__reactions" aria-hidden="true">
            {t('campaigns.quiz.drawing.reactions')}
          </p>
        </div>
      );
    case 'call':
      return (
        <div className="quiz-call">
          <p className="quiz-call__label">{t('campaigns.quiz.drawing.incomingCall', { channel: item.channel })}</p>
          <p className="quiz-call__number">{item.sender}</p>
          <p className="quiz-call__said">{t('campaigns.quiz.drawing.theySay')}</p>
          <p className="quiz-call__transcript">“{item.content}”</p>
          <div className="quiz-call__buttons" aria-hidden="true">
            <span className="quiz-call__decline">✕</span>
            <span className="quiz-call__accept">✓</span>
          </div>
        </div>
      );
    case 'payment':
      return (
        <div className="quiz-payment">
          <p className="quiz-payment__head">{t('campaigns.quiz.drawing.paymentRequest', { channel: item.channel })}</p>
          <p className="quiz-payment__to">
            <span className="muted">{t('campaigns.quiz.drawing.from')}</span> {item.sender}
          </p>
          <p className="quiz-payment__content">{item.content}</p>
          <p className="quiz-payment__pay" aria-hidden="true">
            {t('campaigns.quiz.drawing.pay')}
          </p>
        </div>
      );
    case 'email': {
      const [subject = '', ...rest] = item.content.split('\n');
      return (
        <div className="quiz-email">
          <p className="quiz-email__row">
            <span className="muted">{t('campaigns.quiz.drawing.from')}</span> {item.sender}
          </p>
          <p className="quiz-email__row">
            <span className="muted">{t('campaigns.quiz.drawing.via')}</span> {item.channel}
          </p>
          <p className="quiz-email__subject">{subject}</p>
          {rest.length > 0 && <p className="quiz-email__body">{rest.join('\n').trim()}</p>}
        </div>
      );
    }
    case 'web':
      return (
        <div className="quiz-web">
          <p className="quiz-web__bar">
            <span className="quiz-web__address">{item.sender}</span>
          </p>
          <div className="quiz-web__page">
            <p className="quiz-web__site">{item.channel}</p>
            <p className="quiz-web__content">{item.content}</p>
          </div>
        </div>
      );
    default:
      return <p className="quiz-bubble">{item.content}</p>;
  }
}
