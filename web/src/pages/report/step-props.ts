import type { ReportDraft } from './draft.ts';

export interface StepProps {
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
  /** Field name → message, shown under the field and in the step's error summary. */
  errors: Partial<Record<string, string>>;
}
