import { Route, Routes } from 'react-router';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { TemplateEditorPage } from './TemplateEditorPage.tsx';
import { TemplateListPage } from './TemplateListPage.tsx';
import './templates.css';

/** Supervisors and admins edit the message templates (the API lets analysts read them). */
export const TEMPLATE_EDITORS = ['admin', 'supervisor'] as const;

export function TemplateRoutes() {
  return (
    <RoleGate roles={TEMPLATE_EDITORS}>
      <Routes>
        <Route index element={<TemplateListPage />} />
        <Route path=":purpose/:locale" element={<TemplateEditorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleGate>
  );
}
