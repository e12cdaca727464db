import type { RiskReason } from './types.ts';

/**
 * Phrase rules for Vietnamese (and some English) scam messages, matched on the normalized text
 * of normalize-text.ts (folded, teencode written out, " word word "), so one pattern covers
 * "chuyển khoản", "chuyen khoan", "ck" and "CK". Each rule fires at most once per message.
 *
 * A request ("send me the OTP") and a warning about it ("never share your OTP") use the same
 * words: rules marked `negatable` do not fire when a negation or a warning comes just before
 * the match, and the warning/news context rules take points off.
 */
export interface TextRule {
  signal: string;
  weight: number;
  detail: string;
  patterns: readonly RegExp[];
  /** Skip the match when a negation ("không bao giờ", "never") comes just before it. */
  negatable?: boolean;
}

const W = '(?: [a-z0-9]+){0,3}'; // up to three words in between

export const TEXT_RULES: readonly TextRule[] = [
  {
    signal: 'text.otp_request',
    weight: 25,
    detail: 'Asks for an OTP or verification code.',
    negatable: true,
    patterns: [
      new RegExp(` (?:gui|cung cap|doc|nhap|cho|xin|dua|chup|nhan lai|send|give|share|tell|enter|forward)${W} (?:ma |code )?(?:otp|ma xac (?:thuc|nhan|minh)|verification code|one time)`),
      / (?:otp|ma xac thuc|ma xac nhan) (?:vua|da|se) (?:gui|den|nhan)(?: [a-z]+){0,4} (?:cho|gui lai|doc|bao|nhan lai|de)/,
      / (?:otp|ma xac (?:thuc|nhan)|ma [0-9] so|verification code|code)(?: [a-z0-9]+){0,6} (?:forward|send|doc|gui|chuyen|chup)(?: [a-z]+){0,2} (?:it to me|to me|cho (?:minh|toi|em|anh|chi)|giup|lai)/,
      / (?:nhan|doc|gui|chup|bao) (?:giup|ho)(?: [a-z]+){0,3} ma (?:gui|vua|ve|xac|so|kich)/,
      / chup (?:man hinh|anh)(?: [a-z]+){0,3} (?:tin nhan|ma)/,
      / (?:doc|gui|bao|nhan) (?:giup|ho|lai)(?: [a-z]+){0,2} (?:day so|so vua|ma vua|ma so)/,
    ],
  },
  {
    signal: 'text.transfer_first',
    weight: 20,
    detail: 'Asks for money first: a transfer, deposit or fee before anything is received.',
    negatable: true,
    patterns: [
      / (?:chuyen khoan|chuyen tien|nap tien|nap|dat coc|coc|thanh toan|dong|transfer|pay|deposit)(?: [a-z0-9]+){0,4} (?:truoc|phi|le phi|phi (?:ho so|bao hiem|giai ngan|van chuyen|kich hoat|xac minh|thu tuc)|first|upfront|fee|de (?:nhan|kich hoat|mo khoa|rut|giai ngan|xac minh))/,
      / (?:phi|le phi) (?:ho so|giai ngan|kich hoat|mo khoa|rut tien|thu tuc|nhan thuong|nhan qua|bao hiem khoan vay)/,
      / (?:processing|release|unlock|activation|customs|redelivery) fee /,
      / (?:coc|dat coc) (?:truoc|[0-9]+ ?%)|(?:giu|de giu) (?:hang|phong|ve|don|cho)|khong nhan cod|(?:pay|send)(?: [a-z]+){0,3} (?:deposit|first)/,
      / (?:qua|buu kien|thung hang|thung qua|kien hang|hang hoa)(?: [a-z0-9]+){0,10} (?:dong|nop|chiu) (?:phi|thue|tien)/,
      / hai quan(?: [a-z0-9]+){0,6} (?:dong|nop) (?:phi|thue|tien)/,
      / (?:chuyen khoan|chuyen tien|thanh toan) (?:xong|truoc)(?: [a-z0-9]+){0,4} (?:gui|ship|giao|chuyen) (?:ma ve|ve|hang|ma)/,
    ],
  },
  {
    signal: 'text.easy_job',
    weight: 20,
    detail: 'Offers easy work for high pay ("việc nhẹ lương cao").',
    patterns: [
      / viec nhe luong cao /,
      / (?:viec|cong viec|lam) (?:nhe|don gian|de dang|tai nha|online)(?: [a-z0-9]+){0,6} (?:thu nhap|luong|kiem) (?:tu |len den |toi )?[0-9]/,
      / (?:thu nhap|kiem|luong) (?:tu )?[0-9]+(?:[0-9.,]*)(?: ?(?:k|tr|trieu|nghin|ngan|usd))?(?: [a-z0-9]+){0,2} ?(?:mot|moi|\/)? ?ngay /,
      / (?:easy|simple) (?:job|work|task)s? /,
      / earn (?:up to )?\$?[0-9]+ (?:a|per) day /,
    ],
  },
  {
    signal: 'text.task_commission',
    weight: 20,
    detail: 'Pays commission for tasks or orders (like, rate, buy-to-earn).',
    patterns: [
      / (?:lam |hoan thanh |nhan )?nhiem vu(?: [a-z0-9]+){0,6} (?:hoa hong|nhan tien|hoan tien|thuong|loi nhuan)/,
      / hoa hong(?: [a-z0-9]+){0,3} (?:[0-9]+ ?%|cao|hap dan|ngay)/,
      / (?:like|tha tim|danh gia|follow|xem video|dat don|chot don)(?: [a-z0-9]+){0,4} (?:nhan|kiem|duoc) (?:tien|hoa hong|[0-9])/,
      / (?:don hang ao|tu hop don|nap tien lam nhiem vu|nhiem vu combo)/,
      / (?:ung truoc|nap truoc|tra truoc|thanh toan truoc)(?: [a-z]+){0,3} (?:tien don|don hang|gia tri don|tien hang)/,
      / hoan (?:lai )?(?:ca )?(?:tien )?goc (?:lan|va|\+|kem) (?:lai|hoa hong|tien thuong)/,
      / (?:tu bo von|bo von truoc|tu nhap don|tu ung tien)/,
      / (?:task|tasks|order)s? (?:for|and earn|earn) commission /,
    ],
  },
  {
    signal: 'text.prize',
    weight: 18,
    detail: 'Announces a prize, gift or lottery win.',
    patterns: [
      / (?:trung thuong|trung giai|trung qua|nhan qua tri an|qua tri an|phan thuong|giai thuong|quay so may man|tai khoan (?:cua )?(?:ban|quy khach) da trung)/,
      / (?:chuc mung)(?: [a-z0-9]+){0,6} (?:trung|nhan duoc|duoc chon)/,
      / (?:you (?:have )?won|you are (?:the )?winner|claim your (?:prize|reward|gift))/,
    ],
  },
  {
    signal: 'text.account_threat',
    weight: 15,
    detail: 'Threatens that an account will be locked or suspended unless the reader acts.',
    negatable: true,
    patterns: [
      / tai khoan(?: [a-z0-9]+){0,5} (?:bi|se bi|da bi) (?:khoa|tam khoa|vo hieu hoa|dong bang|phong toa|tam ngung|han che|dinh chi)/,
      / (?:khoa|dong bang|phong toa) (?:tai khoan|the|vi)(?: [a-z0-9]+){0,5} (?:trong vong|sau|neu khong)/,
      / (?:cap nhat|xac minh|xac thuc) (?:lai )?(?:thong tin|tai khoan|cccd|sinh trac hoc)(?: [a-z0-9]+){0,5} (?:neu khong|de tranh|tranh bi|truoc)/,
      / account(?: [a-z]+){0,3} (?:will be |has been |is )(?:locked|suspended|blocked|closed)/,
      / (?:thue bao|sim|goi cuoc|so dien thoai|dich vu)(?: [a-z0-9]+){0,4} (?:bi|se bi|sap bi) (?:ngat|khoa|cat|thu hoi|tam dung|chan)/,
      / (?:gia han|kich hoat lai|mo khoa)(?: [a-z0-9]+){0,3} (?:tai|qua|theo) (?:duong )?link/,
    ],
  },
  {
    signal: 'text.authority_impersonation',
    weight: 20,
    detail: 'Claims to be police, a court or a prosecutor and names a case against the reader.',
    negatable: true,
    patterns: [
      / (?:toi la|day la|chung toi la|goi tu|thong bao tu|lien he tu|ben)(?: [a-z]+){0,2} (?:cong an|toa an|vien kiem sat|canh sat|co quan dieu tra|bo cong an|thanh tra)/,
      / (?:lenh bat|lenh tam giam|giay trieu tap|trieu tap|khoi to|dieu tra)(?: [a-z0-9]+){0,6} (?:ban|anh|chi|ong|ba|quy khach|em)(?: [a-z0-9]+){0,6} (?:rua tien|ma tuy|duong day|vu an)/,
      / (?:lien quan|dinh liu|co lien quan)(?: [a-z0-9]+){0,3} (?:duong day|vu an|rua tien|ma tuy|buon lau)/,
      / (?:giay trieu tap|lenh bat|lenh tam giam)(?: [a-z0-9]+){0,12} (?:bam phim|lien he|goi lai|nop|chuyen)/,
      / neu khong (?:se )?(?:bi )?(?:cuong che|bat|khoi to|tam giu)/,
      / chuyen may (?:cho|sang|qua) (?:can bo|dieu tra vien|cong an|canh sat|kiem sat vien|thanh tra)/,
      / (?:buu pham|buu kien|kien hang)(?: [a-z0-9]+){0,6} (?:hang cam|ma tuy|vu khi|tam giu)/,
      / (?:chuyen|nop) (?:tien|toan bo tien)(?: [a-z0-9]+){0,5} (?:tai khoan tam giu|tai khoan cua co quan|de xac minh|de chung minh|tai khoan an toan)/,
      / (?:police|court|prosecutor)(?: [a-z]+){0,4} (?:arrest|warrant|money laundering)/,
    ],
  },
  {
    signal: 'text.investment_returns',
    weight: 18,
    detail: 'Promises investment returns (guaranteed profit, x% a day, doubling money).',
    patterns: [
      / (?:loi nhuan|lai|lai suat|sinh loi)(?: [a-z0-9]+){0,3} [0-9]+(?:[.,][0-9]+)? ?(?:%|phan tram)(?: [a-z0-9]+){0,2} (?:moi |mot |\/ ?)?(?:ngay|tuan|thang)/,
      / (?:cam ket|dam bao) (?:loi nhuan|lai|sinh loi|hoan von|khong lo|an toan tuyet doi)/,
      / (?:von|bo ra|nap|dau tu) [0-9]+(?:[.,][0-9]+)?(?: ?(?:k|tr|trieu|ty|usd|usdt))?(?: [a-z0-9]+){0,3} (?:thu ve|nhan ve|nhan lai|rut ve|lai ve|thanh) [0-9]+/,
      / (?:chia lai|tra lai|lai) (?:cao|hang ngay|moi ngay|co dinh)(?: [a-z0-9]+){0,4} (?:khach|thanh vien|vip|nha dau tu|quy)/,
      / loi bao nhieu rut bay nhieu|nap [0-9]+(?: ?(?:k|tr|trieu))?(?: [a-z]+){0,2} (?:duoc )?tang (?:them )?[0-9]+/,
      / (?:nhan doi|x2|x3|x5|x10|gap doi) (?:so )?(?:tien|von|tai khoan)/,
      / (?:san|dau tu) (?:forex|ngoai hoi|tien ao|tien dien tu|crypto|coin|vang|chung khoan quoc te|binary)(?: [a-z0-9]+){0,6} (?:loi nhuan|lai|thu ve|sinh loi)/,
      / (?:guaranteed (?:profit|return)|[0-9]+ ?% (?:daily|a day|per day)|double your (?:money|investment))/,
    ],
  },
  {
    signal: 'text.easy_loan',
    weight: 12,
    detail: 'Offers a loan with no checks, disbursed at once.',
    patterns: [
      / (?:vay|ho tro vay|cho vay)(?: [a-z0-9]+){0,5} (?:khong (?:can )?(?:tham dinh|the chap|chung minh thu nhap|gap mat)|chi can cccd|giai ngan (?:ngay|trong|nhanh))/,
      / giai ngan(?: [a-z0-9]+){0,4} (?:sau khi|khi) (?:dong|nop|chuyen)/,
      / (?:no credit check|instant loan|loan approved)/,
    ],
  },
  {
    signal: 'text.charity_to_person',
    weight: 15,
    detail: 'Asks for donations to a personal account.',
    patterns: [
      / (?:ung ho|quyen gop|dong gop|cong duc|tu thien|donate|donations?)(?: [a-z0-9]+){0,8} (?:stk ca nhan|tai khoan ca nhan|so tai khoan ca nhan|chu tai khoan|personal account)/,
      / (?:ung ho|quyen gop|dong gop|cong duc|donate)(?: [a-z0-9]+){0,10} (?:khan cap|gap|ngay|hom nay|urgent|now)/,
      / (?:giup|cuu|thuong) (?:be|chau|em be|gia dinh|benh nhi)(?: [a-z0-9]+){0,12} (?:chuyen|stk|so tai khoan|tai khoan)/,
    ],
  },
  {
    signal: 'text.urgency',
    weight: 8,
    detail: 'Presses the reader to act at once.',
    patterns: [
      / (?:gap|khan|khan cap|ngay lap tuc|ngay bay gio|ngay hom nay|trong vong [0-9]+ ?(?:h|gio|phut|ngay)|truoc [0-9]+ ?(?:h|gio)|het han|cuoi cung|chi con|urgent|immediately|right now|within [0-9]+ (?:hours|minutes))/,
    ],
  },
  {
    signal: 'text.secrecy',
    weight: 12,
    detail: 'Tells the reader to keep it secret or not to tell family or the bank.',
    negatable: false,
    patterns: [
      / (?:khong duoc|dung|khong nen) (?:noi|tiet lo|chia se|ke|bao)(?: [a-z]+){0,3} (?:voi )?(?:ai|nguoi than|gia dinh|ngan hang|nhan vien ngan hang)/,
      / (?:giu bi mat|bi mat dieu tra|don't tell anyone|keep (?:this|it) secret)/,
    ],
  },
  {
    signal: 'text.remote_app',
    weight: 12,
    detail: 'Asks to install an app or open a screen-sharing tool.',
    negatable: true,
    patterns: [
      / (?<!(?:phan|muc|trong) )(?:cai dat|cai|tai ve|tai|download|install)(?: (?:them|ngay|giup|cho|ban|ve|the))?(?: [a-z0-9]+)? (?:ung dung|app|apk|phan mem|teamviewer|anydesk|ultraviewer|file)/,
      / (?:teamviewer|anydesk|ultraviewer|chia se man hinh|screen shar)/,
    ],
  },
  {
    signal: 'text.credentials_request',
    weight: 18,
    detail: 'Asks for a password, card number or ID card photos.',
    negatable: true,
    patterns: [
      / (?:gui|cung cap|nhap|dien|chup|dua|send|enter)(?: [a-z0-9]+){0,3} (?:mat khau|password|so the|thong tin the|ma cvv|cvv|anh cccd|cccd hai mat|mat truoc|ma pin|pin|card details|card number)/,
    ],
  },
];

/**
 * A negation or a warning just before a match turns a request into advice: a negative word
 * among the three words before it ("không", "đừng", "never"), or a strong one anywhere in the
 * window ("không bao giờ", "tuyệt đối không").
 */
const NEAR_NEGATION = / (?:khong|dung|chang|chua|never|not|dont|don t)(?: [a-z0-9%]+){0,3} $/;
const STRONG_NEGATION = / (?:khong bao gio|tuyet doi khong|khong yeu cau|chu y khong|never|do not) /;
const NEGATION_WINDOW = 60;

export const WARNING_RULES: readonly TextRule[] = [
  {
    signal: 'text.warning_context',
    weight: -15,
    detail: 'Reads as a warning about scams (never share, beware, advice to the public).',
    patterns: [
      / (?:canh bao|khuyen cao|luu y|can trong|canh giac|nang cao canh giac|de nghi nguoi dan|thu doan|mao danh|gia mao|khong bao gio yeu cau|tuyet doi khong (?:cung cap|chia se|chuyen)|beware|never share|will never ask|scam alert)/,
    ],
  },
  {
    signal: 'text.news_report',
    weight: -12,
    detail: 'Reads as news about a scam that already happened (suspects, victims, arrests).',
    patterns: [
      / (?:doi tuong|bi hai|nan nhan|khoi to|bat giu|tam giu|chiem doat|tiep nhan don|trinh bao|theo (?:thong tin|bao cao) (?:tu|cua)|victims?|arrested|suspects?) /,
    ],
  },
];

/** Global copies of every pattern, so a negated match can be skipped and the search go on. */
const GLOBAL = new Map<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let g = GLOBAL.get(pattern);
  if (!g) GLOBAL.set(pattern, (g = new RegExp(pattern.source, 'g')));
  return g;
}

function matchesUnnegated(text: string, rule: TextRule): RegExpExecArray | null {
  for (const pattern of rule.patterns) {
    if (!rule.negatable) {
      const m = pattern.exec(text);
      if (m) return m;
      continue;
    }
    const g = globalOf(pattern);
    g.lastIndex = 0;
    for (let m = g.exec(text); m !== null; m = g.exec(text)) {
      const before = text.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index + 1);
      if (!NEAR_NEGATION.test(before) && !STRONG_NEGATION.test(before)) return m;
      // Go on from the next word: a later, real request still counts.
      g.lastIndex = m.index + 1;
    }
  }
  return null;
}

/** The text reasons of one normalized text, each rule at most once. */
export function textReasons(normalized: string): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const rule of TEXT_RULES) {
    const m = matchesUnnegated(normalized, rule);
    if (m) reasons.push({ signal: rule.signal, weight: rule.weight, detail: `${rule.detail} Matched: "${m[0].trim()}".` });
  }
  for (const rule of WARNING_RULES) {
    const m = matchesUnnegated(normalized, rule);
    if (m) reasons.push({ signal: rule.signal, weight: rule.weight, detail: `${rule.detail} Matched: "${m[0].trim()}".` });
  }
  return reasons;
}
