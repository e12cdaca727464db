import vi from './vi.json';
import en from './en.json';
import adminVi from './parts/admin.vi.json';
import adminEn from './parts/admin.en.json';
import campaignsVi from './parts/campaigns.vi.json';
import campaignsEn from './parts/campaigns.en.json';
import caseToolsVi from './parts/case-tools.vi.json';
import caseToolsEn from './parts/case-tools.en.json';
import contentEditorVi from './parts/content-editor.vi.json';
import contentEditorEn from './parts/content-editor.en.json';
import dashboardsVi from './parts/dashboards.vi.json';
import dashboardsEn from './parts/dashboards.en.json';
import disputesTemplatesVi from './parts/disputes-templates.vi.json';
import disputesTemplatesEn from './parts/disputes-templates.en.json';
import queueToolsVi from './parts/queue-tools.vi.json';
import queueToolsEn from './parts/queue-tools.en.json';
import settingsVi from './parts/settings.vi.json';
import settingsEn from './parts/settings.en.json';

// The texts of one area of the app live in their own pair of files under `parts/`, each under
// its own top-level key, so that areas are edited independently; they are merged here.
const vietnameseAll = {
  ...vi,
  ...adminVi,
  ...campaignsVi,
  ...caseToolsVi,
  ...contentEditorVi,
  ...dashboardsVi,
  ...disputesTemplatesVi,
  ...queueToolsVi,
  ...settingsVi,
};
const englishAll = {
  ...en,
  ...adminEn,
  ...campaignsEn,
  ...caseToolsEn,
  ...contentEditorEn,
  ...dashboardsEn,
  ...disputesTemplatesEn,
  ...queueToolsEn,
  ...settingsEn,
};

/** The shape every language must have; Vietnamese is the reference. */
export type Messages = typeof vietnameseAll;

// Type-level parity check: both assignments fail to compile when a key is missing on
// either side, so a text cannot silently fall back to the other language.
const english: Messages = englishAll;
const vietnamese: typeof englishAll = vietnameseAll;

export const resources = {
  vi: { translation: vietnamese },
  en: { translation: english },
} as const;
