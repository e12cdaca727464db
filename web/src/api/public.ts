import { ApiError, NetworkError, api } from './client.ts';
import { parseProblem } from './problem.ts';

/** The taxonomy of fraud types (src/domain/fraud-types.ts), in the order the wizard shows them. */
export { FRAUD_TYPES, type FraudType } from '../../../src/domain/fraud-types.ts';
import type { FraudType } from '../../../src/domain/fraud-types.ts';
export { PAYMENT_METHODS, type PaymentMethod, EVIDENCE_LIMITS, EVIDENCE_MEDIA_TYPES } from '../../../src/domain/reports/report-fields.ts';
import type { PaymentMethod } from '../../../src/domain/reports/report-fields.ts';

export type Language = 'vi' | 'en';
export interface Words {
  vi: string;
  en: string;
}

// ---------- Look-ups (docs/lookups.md) ----------

export type LookupState = 'listed' | 'verified_legitimate' | 'not_listed';

export interface LookupAnswer {
  query: string;
  indicator: string;
  kind: string;
  display: string;
  state: LookupState;
  matchedOn: { indicator: string; relation: 'exact' | 'url_expression' | 'related' | 'domain' } | null;
  listing?: {
    verdict: string;
    confidence: number;
    reportCount: number;
    platformConfirmations: number;
    fraudTypes: FraudType[];
    lastSeenOn: string;
    tlp: string;
  };
  owner?: { name: string; category: string };
  advice: { action: string } & Words;
}

// ---------- Reports (docs/reports.md) ----------

export interface ReportInput {
  category: FraudType;
  narrative: string;
  occurredAt?: string | null;
  amountLostVnd?: number | null;
  paymentMethod?: PaymentMethod | null;
  identifiers?: string[];
  locale?: Language;
  contact?: { name?: string; email?: string; phone?: string } | null;
  consentToContact?: boolean;
}

export interface ReportReceipt {
  id: string;
  trackingCode: string;
  trackingUrl: string;
  status: string;
  receivedAt: string;
  identifiers: { indicator: string; kind: string; display: string; extracted: boolean }[];
  evidence: { sha256: string; mediaType: string; size: number }[];
  nextSteps: Words;
}

export interface TrackingView {
  trackingCode: string;
  status: string;
  statusWords: Words;
  category: string;
  receivedAt: string;
  steps: { status: string; words: Words; at: string; outcome: Words | null }[];
}

// ---------- Disputes (docs/cases.md) ----------

export interface DisputeInput {
  identifier: string;
  explanation: string;
  contact: { name?: string; email?: string; phone?: string };
  locale?: Language;
}

export interface DisputeReceipt {
  trackingCode: string;
  status: string;
  indicator: string;
  createdAt: string;
}

export interface DisputeView extends DisputeReceipt {
  decidedAt: string | null;
  decisionReason: string | null;
}

// ---------- Library, alerts, statistics (the content API) ----------

export interface ArticleSummary {
  slug: string;
  fraudType: FraudType;
  title: string;
  summary: string;
  updatedAt: string;
}

export interface Article extends ArticleSummary {
  lang: Language;
  /** Rendered on the server from markdown with raw HTML disabled. */
  html: string;
  translations: Language[];
}

export interface Alert {
  id: string;
  title: string;
  summary: string;
  html: string;
  fraudTypes: FraudType[];
  publishedAt: string;
}

export interface PlatformFigures {
  platform: string;
  reports: number;
  escalations: number;
  acted: number;
  rejected: number;
  pending: number;
  /** 0–1, or null when nothing was due yet. */
  onTimeRate: number | null;
  medianHoursToAct: number | null;
}

export interface Statistics {
  weeks: { weekStart: string; byCategory: Partial<Record<string, number>> }[];
  platforms: PlatformFigures[];
  generatedAt: string;
}

// ---------- Risk of a pasted message (docs/risk.md) ----------

export interface RiskScore {
  /** 0–100: the sum of the reasons' weights. */
  score: number;
  label: 'scam' | 'legit';
  /** `signal` is a stable code the app translates; `detail` is an English sentence for logs. */
  reasons: { signal: string; weight: number; detail: string }[];
}

const enc = encodeURIComponent;

export const publicApi = {
  lookup: (q: string, signal?: AbortSignal) => api.get<LookupAnswer>(`/api/v1/lookup?q=${enc(q)}`, { signal }),
  track: (code: string, signal?: AbortSignal) => api.get<TrackingView>(`/api/v1/reports/track/${enc(code)}`, { signal }),
  dispute: (input: DisputeInput, idempotencyKey: string) =>
    api.post<DisputeReceipt>('/api/v1/disputes', input, { headers: { 'Idempotency-Key': idempotencyKey } }),
  disputeStatus: (code: string, signal?: AbortSignal) => api.get<DisputeView>(`/api/v1/disputes/track/${enc(code)}`, { signal }),
  articles: (lang: Language, signal?: AbortSignal) => api.get<{ items: ArticleSummary[] }>(`/api/v1/public/articles?lang=${lang}`, { signal }),
  article: (slug: string, lang: Language, signal?: AbortSignal) =>
    api.get<Article>(`/api/v1/public/articles/${enc(slug)}?lang=${lang}`, { signal }),
  alerts: (lang: Language, limit: number, signal?: AbortSignal) =>
    api.get<{ items: Alert[] }>(`/api/v1/public/alerts?lang=${lang}&limit=${limit}`, { signal }),
  statistics: (signal?: AbortSignal) => api.get<Statistics>('/api/v1/public/statistics', { signal }),
  riskCheck: (text: string, signal?: AbortSignal) => api.post<RiskScore>('/api/v1/risk/check', { text }, { signal }),
};

/**
 * Sends a report with its evidence files as multipart/form-data through XMLHttpRequest, whose
 * upload events give the progress that fetch cannot. Same errors as the JSON client.
 */
export function submitReport(
  input: ReportInput,
  files: readonly File[],
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
): Promise<ReportReceipt> {
  const form = new FormData();
  form.append('report', JSON.stringify(input));
  for (const file of files) form.append('evidence', file, file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/reports');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.ontimeout = () => reject(new NetworkError(new Error('upload timed out')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as ReportReceipt);
      } else {
        reject(new ApiError(parseProblem(body, xhr.status, xhr.statusText)));
      }
    };
    xhr.send(form);
  });
}
