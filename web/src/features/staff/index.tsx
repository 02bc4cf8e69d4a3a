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
};
