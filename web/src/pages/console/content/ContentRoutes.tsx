import { Route, Routes } from 'react-router';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { ContentEditorPage } from './ContentEditorPage.tsx';
import { ContentListPage } from './ContentListPage.tsx';

/** Supervisors publish alerts and articles; admins may too (the API lets analysts read only). */
export const CONTENT_EDITORS = ['admin', 'supervisor'] as const;

export function ContentRoutes() {
  return (
    <RoleGate roles={CONTENT_EDITORS}>
      <Routes>
        <Route index element={<ContentListPage />} />
        <Route path="articles/new" element={<ContentEditorPage kind="article" />} />
        <Route path="articles/:key" element={<ContentEditorPage kind="article" />} />
        <Route path="alerts/new" element={<ContentEditorPage kind="alert" />} />
        <Route path="alerts/:key" element={<ContentEditorPage kind="alert" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleGate>
  );
}
