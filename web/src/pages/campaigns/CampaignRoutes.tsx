import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { CampaignLandingPage } from './CampaignLandingPage.tsx';
import { CampaignListPage } from './CampaignListPage.tsx';
import { QuizPage } from './QuizPage.tsx';
import { ResultPage } from './ResultPage.tsx';
import './campaigns.css';

/** Awareness campaigns: the list, each campaign's page, its quiz and shared results. */
export function CampaignRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path=":slug" element={<CampaignLandingPage />} />
      <Route path=":slug/quiz" element={<QuizPage />} />
      <Route path=":slug/result" element={<ResultPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
