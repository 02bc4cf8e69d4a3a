import type { ComponentType } from 'react';
import { AssignPage } from './AssignPage';
import { CaseloadPage } from './CaseloadPage';
import { ClientPage } from './ClientPage';
import { CohortsPage } from './CohortsPage';
import { ConsentPage } from './ConsentPage';
import { InvitePage } from './InvitePage';
import { ItemAnalysisPage } from './ItemAnalysisPage';
import { ReviewPage } from './ReviewPage';
import { StaffMessages } from './StaffMessages';
import { StaffNav } from './StaffNav';
import { AuditPage } from '../admin/AuditPage';
import { CompliancePage } from '../admin/CompliancePage';
import { PeoplePage } from '../admin/PeoplePage';
import { RecordsPage } from '../admin/RecordsPage';
import { ReportsPage } from '../admin/ReportsPage';
import { SettingsPage } from '../admin/SettingsPage';

// The staff side is one chunk loaded on demand, so learners never download it.
function withMessages(Page: ComponentType): ComponentType {
  return function StaffRoute() {
    return (
      <StaffMessages>
        <Page />
      </StaffMessages>
    );
  };
}

export const staffPages = {
  Nav: withMessages(StaffNav),
  Caseload: withMessages(CaseloadPage),
  Client: withMessages(ClientPage),
  Consent: withMessages(ConsentPage),
  Assign: withMessages(AssignPage),
  Cohorts: withMessages(CohortsPage),
  Review: withMessages(ReviewPage),
  Invite: withMessages(InvitePage),
  ItemAnalysis: withMessages(ItemAnalysisPage),
  People: withMessages(PeoplePage),
  Compliance: withMessages(CompliancePage),
  Records: withMessages(RecordsPage),
  Audit: withMessages(AuditPage),
  Reports: withMessages(ReportsPage),
  Settings: withMessages(SettingsPage),
};
