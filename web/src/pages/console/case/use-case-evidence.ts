import { useEffect, useState } from 'react';
import type { CaseReport } from '../../../api/cases.ts';
import { getReportEvidence, type ReportEvidence } from '../../../api/networks.ts';

/**
 * The evidence files of each report of a case, from each report's detail. Only the evidence list
 * is kept; the reporter's contact details in that answer are not used by the workspace.
 */
export function useCaseEvidence(reports: readonly CaseReport[]): Record<string, ReportEvidence[]> {
  const [evidence, setEvidence] = useState<Record<string, ReportEvidence[]>>({});
  const ids = reports.map((r) => r.id).join(',');
  useEffect(() => {
    const controller = new AbortController();
    for (const id of ids ? ids.split(',') : []) {
      getReportEvidence(id, controller.signal).then(
        (detail) => setEvidence((old) => ({ ...old, [id]: detail.evidence })),
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [ids]);
  return evidence;
}
