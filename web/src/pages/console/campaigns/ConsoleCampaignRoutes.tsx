import { Route, Routes } from 'react-router';
import { AGENCY_ROLES, SUPERVISOR_ROLES } from '../../../console/console-nav.ts';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { CampaignEditorPage } from './CampaignEditorPage.tsx';
import { CampaignFiguresPage } from './CampaignFiguresPage.tsx';
import { ConsoleCampaignListPage } from './ConsoleCampaignListPage.tsx';
import './console-campaigns.css';

/**
 * Campaigns in the console: supervisors and administrators write, analysts read (the same
 * screens, read-only); everyone else is told the page is not for them.
 */
export function ConsoleCampaignRoutes() {
  return (
    <Routes>
      <Route index element={<RoleGate roles={AGENCY_ROLES}><ConsoleCampaignListPage /></RoleGate>} />
      <Route path="new" element={<RoleGate roles={SUPERVISOR_ROLES}><CampaignEditorPage /></RoleGate>} />
      <Route path=":id" element={<RoleGate roles={AGENCY_ROLES}><CampaignEditorPage /></RoleGate>} />
      <Route path=":id/figures" element={<RoleGate roles={AGENCY_ROLES}><CampaignFiguresPage /></RoleGate>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
