import { Route, Routes } from 'react-router';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { DisputeDetailPage } from './DisputeDetailPage.tsx';
import { DisputeQueuePage } from './DisputeQueuePage.tsx';
import './disputes.css';

/** Supervisors and admins decide disputes (the API lets analysts read the list only). */
export const DISPUTE_REVIEWERS = ['admin', 'supervisor'] as const;

export function DisputeRoutes() {
  return (
    <RoleGate roles={DISPUTE_REVIEWERS}>
      <Routes>
        <Route index element={<DisputeQueuePage />} />
        <Route path=":id" element={<DisputeDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleGate>
  );
}
