/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TimeZone {\n    myOrganization {\n      id\n      timeZone\n    }\n  }\n": typeof types.TimeZoneDocument,
    "\n  query Organization {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  query ExportMyRecord($id: ID!) {\n    exportClientRecord(id: $id) {\n      generatedAt\n      document\n      certificates {\n        recordId\n        fileName\n        pdfBase64\n      }\n    }\n  }\n": typeof types.ExportMyRecordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        actorRole\n        patientId\n        subjectType\n        reason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    people: users(first: 100) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AuditTrailDocument,
    "\n  query EmergencyReport {\n    emergencyAccessGrants(first: 50) {\n      nodes {\n        id\n        clinicianId\n        clientId\n        openedAt\n        expiresAt\n        active\n        reason\n      }\n    }\n  }\n": typeof types.EmergencyReportDocument,
    "\n  query StaffCompliance($first: Int!, $after: String, $status: [ComplianceStatus!], $role: Role) {\n    staffCompliance(first: $first, after: $after, status: $status, role: $role) {\n      nodes {\n        staff {\n          id\n          displayName\n          role\n        }\n        requirement {\n          id\n          name\n        }\n        compliance\n        dueOn\n        validUntil\n        lastCompletedAt\n        courseSlug\n        courseTitle\n        dueAt\n        status\n        percent\n        completedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StaffComplianceDocument,
    "\n  query People($first: Int!, $after: String, $role: Role, $search: String, $deactivated: Boolean) {\n    users(first: $first, after: $after, role: $role, search: $search, deactivated: $deactivated) {\n      nodes {\n        id\n        displayName\n        role\n        email\n        careTeam\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    clinicians: users(first: 100, role: CLINICIAN) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation AddToCareTeam($clientId: ID!, $clinicianId: ID!) {\n    addToCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n": typeof types.AddToCareTeamDocument,
    "\n  mutation RemoveFromCareTeam($clientId: ID!, $clinicianId: ID!) {\n    removeFromCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n": typeof types.RemoveFromCareTeamDocument,
    "\n  mutation TransferClient($clientId: ID!, $toClinicianId: ID!) {\n    transferClient(clientId: $clientId, toClinicianId: $toClinicianId) {\n      id\n      careTeam\n    }\n  }\n": typeof types.TransferClientDocument,
    "\n  mutation DeactivateUser($id: ID!, $reason: String!) {\n    deactivateUser(id: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query CompletionRecordsAdmin($first: Int!, $after: String, $filter: CompletionRecordFilter) {\n    completionRecords(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        nameAsIssued\n        learnerRole\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        verificationCode\n        status\n        revokedReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n  }\n": typeof types.CompletionRecordsAdminDocument,
    "\n  mutation RevokeCompletionRecord($id: ID!, $reason: String!) {\n    revokeCompletionRecord(id: $id, reason: $reason) {\n      id\n      status\n      revokedReason\n    }\n  }\n": typeof types.RevokeCompletionRecordDocument,
    "\n  query LearningReport {\n    learningReport(weeks: 12) {\n      overdueByCourse {\n        courseSlug\n        courseTitle\n        count\n      }\n      completionsByWeek {\n        weekStart\n        count\n      }\n    }\n  }\n": typeof types.LearningReportDocument,
    "\n  query OrganizationSettingsPage {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n      discreetSenderName\n      clientAccess\n      reminderPolicy {\n        dueSoonHours\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n": typeof types.OrganizationSettingsPageDocument,
    "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      organizationId\n      timeZone\n    }\n  }\n": typeof types.UpdateOrganizationSettingsDocument,
    "\n  query DevMailbox {\n    devMailbox(first: 20) {\n      id\n      to\n      subject\n      fromName\n      sentAt\n      text\n    }\n  }\n": typeof types.DevMailboxDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Privacy($patientId: ID!) {\n    patient(id: $patientId) {\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    familyConsents {\n      nodes {\n        id\n        active\n        recipientName\n        discloserName\n        scopes\n        purpose\n        expiresAt\n        expiryEvent\n        signedAt\n        revokedAt\n        method\n      }\n    }\n  }\n": typeof types.PrivacyDocument,
    "\n  query MyDisclosures {\n    myDisclosures(first: 50) {\n      nodes {\n        id\n        at\n        recipient\n        recipientName\n        records\n      }\n    }\n  }\n": typeof types.MyDisclosuresDocument,
    "\n  mutation GrantConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n": typeof types.GrantConsentDocument,
    "\n  mutation RevokeConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  query MyCertificates {\n    myCompletionRecords(first: 50) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        status\n        verificationCode\n        verifiableByCode\n        certificateUrl\n      }\n    }\n  }\n": typeof types.MyCertificatesDocument,
    "\n  query CertificateShares($recordId: ID!) {\n    completionShares(recordId: $recordId) {\n      id\n      active\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n": typeof types.CertificateSharesDocument,
    "\n  mutation CreateShare($input: CreateCompletionShareInput!) {\n    createCompletionShare(input: $input) {\n      shareCode\n      verifyUrl\n      share {\n        id\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateShareDocument,
    "\n  mutation RevokeShare($id: ID!) {\n    revokeCompletionShare(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.RevokeShareDocument,
    "\n  query FamilyConsents {\n    familyConsents {\n      nodes {\n        id\n        active\n        patientId\n        patientName\n        scopes\n      }\n    }\n  }\n": typeof types.FamilyConsentsDocument,
    "\n  query LinkedProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      redisclosureNotice\n      items {\n        enrollmentId\n        courseTitle\n        status\n        percent\n        completedAt\n      }\n    }\n  }\n": typeof types.LinkedProgressDocument,
    "\n  query CoursePage($slug: String!) {\n    course(slug: $slug) {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n      lessons {\n        id\n        slug\n        title\n        estimatedMinutes\n      }\n    }\n    myLearning {\n      courseSlug\n      percent\n      blockedBy\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        lockReason\n      }\n    }\n  }\n": typeof types.CoursePageDocument,
    "\n  mutation EnrollFromCourse($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n    }\n  }\n": typeof types.EnrollFromCourseDocument,
    "\n  query MyLearning {\n    me {\n      id\n      displayName\n      role\n    }\n    myLearning {\n      enrollmentId\n      courseSlug\n      courseTitle\n      dueAt\n      status\n      percent\n      completedLessons\n      totalLessons\n      source\n      blockedBy\n      nextLesson {\n        lessonId\n        slug\n        title\n      }\n      lessons {\n        slug\n      }\n    }\n    courses {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n    }\n  }\n": typeof types.MyLearningDocument,
    "\n  mutation Enroll($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n      courseSlug\n    }\n  }\n": typeof types.EnrollDocument,
    "\n  query LessonPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      slug\n      title\n      courseSlug\n      contentNote\n      objectives\n      estimatedMinutes\n      bodyHtml\n      disclaimer\n      sources {\n        title\n        url\n      }\n      quiz {\n        id\n      }\n      reflectionPrompts {\n        id\n        prompt\n        notice\n      }\n    }\n    myLearning {\n      courseSlug\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        positionPercent\n      }\n    }\n  }\n": typeof types.LessonPageDocument,
    "\n  mutation RecordProgress($input: RecordLessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      lessonSlug\n      status\n      positionPercent\n      duplicate\n    }\n  }\n": typeof types.RecordProgressDocument,
    "\n  query MyNotifications($first: Int!, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      unreadCount\n      nodes {\n        id\n        title\n        body\n        path\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query UnreadNotifications {\n    myNotifications(first: 1) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  fragment QuizAttemptFields on QuizAttempt {\n    id\n    number\n    status\n    score\n    passed\n    passingScore\n    maxAttempts\n    showFeedback\n    questions {\n      id\n      kind\n      prompt\n      options {\n        id\n        text\n      }\n    }\n    savedAnswers {\n      questionId\n      optionIds\n    }\n    feedback {\n      questionId\n      correct\n      correctOptionIds\n      chosenOptionIds\n      rationale\n    }\n    standing {\n      attemptsAllowed\n      attemptsRemaining\n      passed\n    }\n  }\n": typeof types.QuizAttemptFieldsFragmentDoc,
    "\n  query QuizPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      title\n      quiz {\n        id\n        passingScore\n        maxAttempts\n        questionCount\n      }\n    }\n  }\n": typeof types.QuizPageDocument,
    "\n  query QuizHistory($quizId: ID!) {\n    quizAttempts(quizId: $quizId) {\n      nextAttemptAvailableAt\n      attempts {\n        id\n        status\n      }\n      standing {\n        attemptsAllowed\n        attemptsRemaining\n        attemptsUsed\n        passed\n        score\n      }\n    }\n  }\n": typeof types.QuizHistoryDocument,
    "\n  mutation StartQuiz($quizId: ID!) {\n    startQuizAttempt(quizId: $quizId) {\n      ...QuizAttemptFields\n    }\n  }\n": typeof types.StartQuizDocument,
    "\n  mutation SaveAnswers($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    saveQuizAnswers(attemptId: $attemptId, answers: $answers) {\n      id\n      savedAt\n    }\n  }\n": typeof types.SaveAnswersDocument,
    "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!, $idempotencyKey: String!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers, idempotencyKey: $idempotencyKey) {\n      ...QuizAttemptFields\n    }\n  }\n": typeof types.SubmitQuizDocument,
    "\n  fragment ReflectionSafetyFields on ReflectionSafety {\n    flagged\n    message\n    crisisResources {\n      name\n      contact\n      details\n      when\n    }\n  }\n": typeof types.ReflectionSafetyFieldsFragmentDoc,
    "\n  query MyReflections($courseSlug: String!, $lessonSlug: String!) {\n    reflections(courseSlug: $courseSlug, lessonSlug: $lessonSlug, first: 20) {\n      nodes {\n        id\n        promptId\n        text\n        updatedAt\n        versions {\n          at\n          text\n        }\n      }\n    }\n  }\n": typeof types.MyReflectionsDocument,
    "\n  mutation SubmitReflection($input: SubmitReflectionInput!) {\n    submitReflection(input: $input) {\n      reflection {\n        id\n        text\n        updatedAt\n      }\n      safety {\n        ...ReflectionSafetyFields\n      }\n    }\n  }\n": typeof types.SubmitReflectionDocument,
    "\n  query AssignOptions {\n    courses {\n      id\n      slug\n      title\n      audiences\n      lessons {\n        slug\n        title\n        required\n      }\n    }\n    cohorts {\n      id\n      name\n      size\n    }\n  }\n": typeof types.AssignOptionsDocument,
    "\n  mutation AssignCourse($input: AssignCourseInput!) {\n    assignCourse(input: $input) {\n      id\n      dueAt\n    }\n  }\n": typeof types.AssignCourseDocument,
    "\n  mutation AssignCohort($input: AssignCohortInput!) {\n    assignCohort(input: $input) {\n      cohort {\n        name\n        size\n      }\n      enrollments {\n        id\n      }\n    }\n  }\n": typeof types.AssignCohortDocument,
    "\n  query Caseload($first: Int!, $after: String, $filter: CaseloadFilter) {\n    caseload(first: $first, after: $after, filter: $filter) {\n      nodes {\n        learner {\n          id\n          displayName\n          role\n        }\n        overdueCount\n        stuckLessons {\n          slug\n          title\n        }\n        items {\n          enrollmentId\n          courseSlug\n          courseTitle\n          status\n          percent\n          dueAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n    reflectionReviewQueue(first: 100) {\n      nodes {\n        id\n        learnerId\n        flagged\n        flagReasons\n      }\n    }\n  }\n": typeof types.CaseloadDocument,
    "\n  query ClientProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n        email\n      }\n      items {\n        enrollmentId\n        courseSlug\n        courseTitle\n        status\n        percent\n        dueAt\n        completedAt\n        note\n        source\n        lessons {\n          lessonId\n          slug\n          title\n          status\n          positionPercent\n          assigned\n          quizId\n          outOfAttempts\n        }\n      }\n    }\n  }\n": typeof types.ClientProgressDocument,
    "\n  query ClientRecords($learnerId: ID!) {\n    reflections(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        awaitingReview\n        updatedAt\n        reviews {\n          at\n          comment\n        }\n      }\n    }\n    learnerCompletionRecords(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        status\n        revokedReason\n      }\n    }\n  }\n": typeof types.ClientRecordsDocument,
    "\n  query ClientConsents($patientId: ID!) {\n    familyConsents(patientId: $patientId) {\n      nodes {\n        id\n        active\n        recipientName\n        scopes\n        purpose\n        signedAt\n        expiresAt\n        expiryEvent\n        method\n        paperReference\n        revokedAt\n      }\n    }\n  }\n": typeof types.ClientConsentsDocument,
    "\n  query ClientQuizAttempts($learnerId: ID!, $quizId: ID!) {\n    quizAttempts(learnerId: $learnerId, quizId: $quizId) {\n      standing {\n        attemptsAllowed\n        attemptsUsed\n        attemptsRemaining\n        passed\n        outOfAttempts\n        score\n      }\n      attempts {\n        id\n        number\n        status\n        score\n        passed\n        submittedAt\n      }\n    }\n  }\n": typeof types.ClientQuizAttemptsDocument,
    "\n  mutation GrantQuizAttempts($learnerId: ID!, $quizId: ID!, $extra: Int!, $reason: String!) {\n    grantQuizAttempts(learnerId: $learnerId, quizId: $quizId, extra: $extra, reason: $reason) {\n      standing {\n        attemptsRemaining\n        outOfAttempts\n      }\n    }\n  }\n": typeof types.GrantQuizAttemptsDocument,
    "\n  mutation OpenEmergencyAccess($clientId: ID!, $reason: String!) {\n    openEmergencyAccess(clientId: $clientId, reason: $reason) {\n      id\n      expiresAt\n    }\n  }\n": typeof types.OpenEmergencyAccessDocument,
    "\n  mutation RevokeClientConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.RevokeClientConsentDocument,
    "\n  query FindPeople($search: String, $role: Role) {\n    users(first: 20, search: $search, role: $role) {\n      nodes {\n        id\n        displayName\n        role\n        email\n      }\n    }\n  }\n": typeof types.FindPeopleDocument,
    "\n  query LearnerName($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.LearnerNameDocument,
    "\n  query Cohorts {\n    cohorts {\n      id\n      name\n      size\n      memberIds\n    }\n    users(first: 100) {\n      nodes {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.CohortsDocument,
    "\n  mutation CreateCohort($input: CreateCohortInput!) {\n    createCohort(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCohortDocument,
    "\n  mutation AddToCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    addToCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n": typeof types.AddToCohortDocument,
    "\n  mutation RemoveFromCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    removeFromCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n": typeof types.RemoveFromCohortDocument,
    "\n  query ConsentPatient($id: ID!) {\n    patient(id: $id) {\n      patient {\n        id\n        displayName\n      }\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    myOrganization {\n      id\n      name\n    }\n  }\n": typeof types.ConsentPatientDocument,
    "\n  mutation RecordPaperConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordPaperConsentDocument,
    "\n  query InvitePatients {\n    users(first: 100, role: PATIENT) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.InvitePatientsDocument,
    "\n  mutation CreateInvite($input: CreateInviteInput!) {\n    createInvite(input: $input) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n": typeof types.CreateInviteDocument,
    "\n  mutation ResendInvite($id: ID!) {\n    resendInvite(id: $id) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n": typeof types.ResendInviteDocument,
    "\n  mutation RevokeInvite($id: ID!) {\n    revokeInvite(id: $id)\n  }\n": typeof types.RevokeInviteDocument,
    "\n  query QuizCatalog {\n    courses {\n      slug\n      title\n      lessons {\n        slug\n        title\n        quizId\n      }\n    }\n  }\n": typeof types.QuizCatalogDocument,
    "\n  query ItemAnalysis($quizId: ID!) {\n    quizItemAnalysis(quizId: $quizId) {\n      quizId\n      submittedAttempts\n      items {\n        questionId\n        prompt\n        kind\n        answered\n        shareCorrect\n        meanCredit\n        discrimination\n      }\n    }\n  }\n": typeof types.ItemAnalysisDocument,
    "\n  query ReviewQueue($first: Int!, $after: String) {\n    reflectionReviewQueue(first: $first, after: $after) {\n      nodes {\n        id\n        learnerId\n        learnerName\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        reviewPendingSince\n        versions {\n          at\n          text\n          flagReasons\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation ReviewReflection($id: ID!, $comment: String!) {\n    reviewReflection(id: $id, comment: $comment) {\n      id\n      awaitingReview\n    }\n  }\n": typeof types.ReviewReflectionDocument,
};
const documents: Documents = {
    "\n  query TimeZone {\n    myOrganization {\n      id\n      timeZone\n    }\n  }\n": types.TimeZoneDocument,
    "\n  query Organization {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n    }\n  }\n": types.OrganizationDocument,
    "\n  query ExportMyRecord($id: ID!) {\n    exportClientRecord(id: $id) {\n      generatedAt\n      document\n      certificates {\n        recordId\n        fileName\n        pdfBase64\n      }\n    }\n  }\n": types.ExportMyRecordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        actorRole\n        patientId\n        subjectType\n        reason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    people: users(first: 100) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": types.AuditTrailDocument,
    "\n  query EmergencyReport {\n    emergencyAccessGrants(first: 50) {\n      nodes {\n        id\n        clinicianId\n        clientId\n        openedAt\n        expiresAt\n        active\n        reason\n      }\n    }\n  }\n": types.EmergencyReportDocument,
    "\n  query StaffCompliance($first: Int!, $after: String, $status: [ComplianceStatus!], $role: Role) {\n    staffCompliance(first: $first, after: $after, status: $status, role: $role) {\n      nodes {\n        staff {\n          id\n          displayName\n          role\n        }\n        requirement {\n          id\n          name\n        }\n        compliance\n        dueOn\n        validUntil\n        lastCompletedAt\n        courseSlug\n        courseTitle\n        dueAt\n        status\n        percent\n        completedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StaffComplianceDocument,
    "\n  query People($first: Int!, $after: String, $role: Role, $search: String, $deactivated: Boolean) {\n    users(first: $first, after: $after, role: $role, search: $search, deactivated: $deactivated) {\n      nodes {\n        id\n        displayName\n        role\n        email\n        careTeam\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    clinicians: users(first: 100, role: CLINICIAN) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation AddToCareTeam($clientId: ID!, $clinicianId: ID!) {\n    addToCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n": types.AddToCareTeamDocument,
    "\n  mutation RemoveFromCareTeam($clientId: ID!, $clinicianId: ID!) {\n    removeFromCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n": types.RemoveFromCareTeamDocument,
    "\n  mutation TransferClient($clientId: ID!, $toClinicianId: ID!) {\n    transferClient(clientId: $clientId, toClinicianId: $toClinicianId) {\n      id\n      careTeam\n    }\n  }\n": types.TransferClientDocument,
    "\n  mutation DeactivateUser($id: ID!, $reason: String!) {\n    deactivateUser(id: $id, reason: $reason) {\n      id\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query CompletionRecordsAdmin($first: Int!, $after: String, $filter: CompletionRecordFilter) {\n    completionRecords(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        nameAsIssued\n        learnerRole\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        verificationCode\n        status\n        revokedReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n  }\n": types.CompletionRecordsAdminDocument,
    "\n  mutation RevokeCompletionRecord($id: ID!, $reason: String!) {\n    revokeCompletionRecord(id: $id, reason: $reason) {\n      id\n      status\n      revokedReason\n    }\n  }\n": types.RevokeCompletionRecordDocument,
    "\n  query LearningReport {\n    learningReport(weeks: 12) {\n      overdueByCourse {\n        courseSlug\n        courseTitle\n        count\n      }\n      completionsByWeek {\n        weekStart\n        count\n      }\n    }\n  }\n": types.LearningReportDocument,
    "\n  query OrganizationSettingsPage {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n      discreetSenderName\n      clientAccess\n      reminderPolicy {\n        dueSoonHours\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n": types.OrganizationSettingsPageDocument,
    "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      organizationId\n      timeZone\n    }\n  }\n": types.UpdateOrganizationSettingsDocument,
    "\n  query DevMailbox {\n    devMailbox(first: 20) {\n      id\n      to\n      subject\n      fromName\n      sentAt\n      text\n    }\n  }\n": types.DevMailboxDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query Privacy($patientId: ID!) {\n    patient(id: $patientId) {\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    familyConsents {\n      nodes {\n        id\n        active\n        recipientName\n        discloserName\n        scopes\n        purpose\n        expiresAt\n        expiryEvent\n        signedAt\n        revokedAt\n        method\n      }\n    }\n  }\n": types.PrivacyDocument,
    "\n  query MyDisclosures {\n    myDisclosures(first: 50) {\n      nodes {\n        id\n        at\n        recipient\n        recipientName\n        records\n      }\n    }\n  }\n": types.MyDisclosuresDocument,
    "\n  mutation GrantConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n": types.GrantConsentDocument,
    "\n  mutation RevokeConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n": types.RevokeConsentDocument,
    "\n  query MyCertificates {\n    myCompletionRecords(first: 50) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        status\n        verificationCode\n        verifiableByCode\n        certificateUrl\n      }\n    }\n  }\n": types.MyCertificatesDocument,
    "\n  query CertificateShares($recordId: ID!) {\n    completionShares(recordId: $recordId) {\n      id\n      active\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n": types.CertificateSharesDocument,
    "\n  mutation CreateShare($input: CreateCompletionShareInput!) {\n    createCompletionShare(input: $input) {\n      shareCode\n      verifyUrl\n      share {\n        id\n        expiresAt\n      }\n    }\n  }\n": types.CreateShareDocument,
    "\n  mutation RevokeShare($id: ID!) {\n    revokeCompletionShare(id: $id) {\n      id\n      active\n    }\n  }\n": types.RevokeShareDocument,
    "\n  query FamilyConsents {\n    familyConsents {\n      nodes {\n        id\n        active\n        patientId\n        patientName\n        scopes\n      }\n    }\n  }\n": types.FamilyConsentsDocument,
    "\n  query LinkedProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      redisclosureNotice\n      items {\n        enrollmentId\n        courseTitle\n        status\n        percent\n        completedAt\n      }\n    }\n  }\n": types.LinkedProgressDocument,
    "\n  query CoursePage($slug: String!) {\n    course(slug: $slug) {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n      lessons {\n        id\n        slug\n        title\n        estimatedMinutes\n      }\n    }\n    myLearning {\n      courseSlug\n      percent\n      blockedBy\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        lockReason\n      }\n    }\n  }\n": types.CoursePageDocument,
    "\n  mutation EnrollFromCourse($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n    }\n  }\n": types.EnrollFromCourseDocument,
    "\n  query MyLearning {\n    me {\n      id\n      displayName\n      role\n    }\n    myLearning {\n      enrollmentId\n      courseSlug\n      courseTitle\n      dueAt\n      status\n      percent\n      completedLessons\n      totalLessons\n      source\n      blockedBy\n      nextLesson {\n        lessonId\n        slug\n        title\n      }\n      lessons {\n        slug\n      }\n    }\n    courses {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n    }\n  }\n": types.MyLearningDocument,
    "\n  mutation Enroll($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n      courseSlug\n    }\n  }\n": types.EnrollDocument,
    "\n  query LessonPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      slug\n      title\n      courseSlug\n      contentNote\n      objectives\n      estimatedMinutes\n      bodyHtml\n      disclaimer\n      sources {\n        title\n        url\n      }\n      quiz {\n        id\n      }\n      reflectionPrompts {\n        id\n        prompt\n        notice\n      }\n    }\n    myLearning {\n      courseSlug\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        positionPercent\n      }\n    }\n  }\n": types.LessonPageDocument,
    "\n  mutation RecordProgress($input: RecordLessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      lessonSlug\n      status\n      positionPercent\n      duplicate\n    }\n  }\n": types.RecordProgressDocument,
    "\n  query MyNotifications($first: Int!, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      unreadCount\n      nodes {\n        id\n        title\n        body\n        path\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query UnreadNotifications {\n    myNotifications(first: 1) {\n      unreadCount\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  fragment QuizAttemptFields on QuizAttempt {\n    id\n    number\n    status\n    score\n    passed\n    passingScore\n    maxAttempts\n    showFeedback\n    questions {\n      id\n      kind\n      prompt\n      options {\n        id\n        text\n      }\n    }\n    savedAnswers {\n      questionId\n      optionIds\n    }\n    feedback {\n      questionId\n      correct\n      correctOptionIds\n      chosenOptionIds\n      rationale\n    }\n    standing {\n      attemptsAllowed\n      attemptsRemaining\n      passed\n    }\n  }\n": types.QuizAttemptFieldsFragmentDoc,
    "\n  query QuizPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      title\n      quiz {\n        id\n        passingScore\n        maxAttempts\n        questionCount\n      }\n    }\n  }\n": types.QuizPageDocument,
    "\n  query QuizHistory($quizId: ID!) {\n    quizAttempts(quizId: $quizId) {\n      nextAttemptAvailableAt\n      attempts {\n        id\n        status\n      }\n      standing {\n        attemptsAllowed\n        attemptsRemaining\n        attemptsUsed\n        passed\n        score\n      }\n    }\n  }\n": types.QuizHistoryDocument,
    "\n  mutation StartQuiz($quizId: ID!) {\n    startQuizAttempt(quizId: $quizId) {\n      ...QuizAttemptFields\n    }\n  }\n": types.StartQuizDocument,
    "\n  mutation SaveAnswers($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    saveQuizAnswers(attemptId: $attemptId, answers: $answers) {\n      id\n      savedAt\n    }\n  }\n": types.SaveAnswersDocument,
    "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!, $idempotencyKey: String!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers, idempotencyKey: $idempotencyKey) {\n      ...QuizAttemptFields\n    }\n  }\n": types.SubmitQuizDocument,
    "\n  fragment ReflectionSafetyFields on ReflectionSafety {\n    flagged\n    message\n    crisisResources {\n      name\n      contact\n      details\n      when\n    }\n  }\n": types.ReflectionSafetyFieldsFragmentDoc,
    "\n  query MyReflections($courseSlug: String!, $lessonSlug: String!) {\n    reflections(courseSlug: $courseSlug, lessonSlug: $lessonSlug, first: 20) {\n      nodes {\n        id\n        promptId\n        text\n        updatedAt\n        versions {\n          at\n          text\n        }\n      }\n    }\n  }\n": types.MyReflectionsDocument,
    "\n  mutation SubmitReflection($input: SubmitReflectionInput!) {\n    submitReflection(input: $input) {\n      reflection {\n        id\n        text\n        updatedAt\n      }\n      safety {\n        ...ReflectionSafetyFields\n      }\n    }\n  }\n": types.SubmitReflectionDocument,
    "\n  query AssignOptions {\n    courses {\n      id\n      slug\n      title\n      audiences\n      lessons {\n        slug\n        title\n        required\n      }\n    }\n    cohorts {\n      id\n      name\n      size\n    }\n  }\n": types.AssignOptionsDocument,
    "\n  mutation AssignCourse($input: AssignCourseInput!) {\n    assignCourse(input: $input) {\n      id\n      dueAt\n    }\n  }\n": types.AssignCourseDocument,
    "\n  mutation AssignCohort($input: AssignCohortInput!) {\n    assignCohort(input: $input) {\n      cohort {\n        name\n        size\n      }\n      enrollments {\n        id\n      }\n    }\n  }\n": types.AssignCohortDocument,
    "\n  query Caseload($first: Int!, $after: String, $filter: CaseloadFilter) {\n    caseload(first: $first, after: $after, filter: $filter) {\n      nodes {\n        learner {\n          id\n          displayName\n          role\n        }\n        overdueCount\n        stuckLessons {\n          slug\n          title\n        }\n        items {\n          enrollmentId\n          courseSlug\n          courseTitle\n          status\n          percent\n          dueAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n    reflectionReviewQueue(first: 100) {\n      nodes {\n        id\n        learnerId\n        flagged\n        flagReasons\n      }\n    }\n  }\n": types.CaseloadDocument,
    "\n  query ClientProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n        email\n      }\n      items {\n        enrollmentId\n        courseSlug\n        courseTitle\n        status\n        percent\n        dueAt\n        completedAt\n        note\n        source\n        lessons {\n          lessonId\n          slug\n          title\n          status\n          positionPercent\n          assigned\n          quizId\n          outOfAttempts\n        }\n      }\n    }\n  }\n": types.ClientProgressDocument,
    "\n  query ClientRecords($learnerId: ID!) {\n    reflections(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        awaitingReview\n        updatedAt\n        reviews {\n          at\n          comment\n        }\n      }\n    }\n    learnerCompletionRecords(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        status\n        revokedReason\n      }\n    }\n  }\n": types.ClientRecordsDocument,
    "\n  query ClientConsents($patientId: ID!) {\n    familyConsents(patientId: $patientId) {\n      nodes {\n        id\n        active\n        recipientName\n        scopes\n        purpose\n        signedAt\n        expiresAt\n        expiryEvent\n        method\n        paperReference\n        revokedAt\n      }\n    }\n  }\n": types.ClientConsentsDocument,
    "\n  query ClientQuizAttempts($learnerId: ID!, $quizId: ID!) {\n    quizAttempts(learnerId: $learnerId, quizId: $quizId) {\n      standing {\n        attemptsAllowed\n        attemptsUsed\n        attemptsRemaining\n        passed\n        outOfAttempts\n        score\n      }\n      attempts {\n        id\n        number\n        status\n        score\n        passed\n        submittedAt\n      }\n    }\n  }\n": types.ClientQuizAttemptsDocument,
    "\n  mutation GrantQuizAttempts($learnerId: ID!, $quizId: ID!, $extra: Int!, $reason: String!) {\n    grantQuizAttempts(learnerId: $learnerId, quizId: $quizId, extra: $extra, reason: $reason) {\n      standing {\n        attemptsRemaining\n        outOfAttempts\n      }\n    }\n  }\n": types.GrantQuizAttemptsDocument,
    "\n  mutation OpenEmergencyAccess($clientId: ID!, $reason: String!) {\n    openEmergencyAccess(clientId: $clientId, reason: $reason) {\n      id\n      expiresAt\n    }\n  }\n": types.OpenEmergencyAccessDocument,
    "\n  mutation RevokeClientConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n": types.RevokeClientConsentDocument,
    "\n  query FindPeople($search: String, $role: Role) {\n    users(first: 20, search: $search, role: $role) {\n      nodes {\n        id\n        displayName\n        role\n        email\n      }\n    }\n  }\n": types.FindPeopleDocument,
    "\n  query LearnerName($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.LearnerNameDocument,
    "\n  query Cohorts {\n    cohorts {\n      id\n      name\n      size\n      memberIds\n    }\n    users(first: 100) {\n      nodes {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.CohortsDocument,
    "\n  mutation CreateCohort($input: CreateCohortInput!) {\n    createCohort(input: $input) {\n      id\n    }\n  }\n": types.CreateCohortDocument,
    "\n  mutation AddToCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    addToCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n": types.AddToCohortDocument,
    "\n  mutation RemoveFromCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    removeFromCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n": types.RemoveFromCohortDocument,
    "\n  query ConsentPatient($id: ID!) {\n    patient(id: $id) {\n      patient {\n        id\n        displayName\n      }\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    myOrganization {\n      id\n      name\n    }\n  }\n": types.ConsentPatientDocument,
    "\n  mutation RecordPaperConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n": types.RecordPaperConsentDocument,
    "\n  query InvitePatients {\n    users(first: 100, role: PATIENT) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n": types.InvitePatientsDocument,
    "\n  mutation CreateInvite($input: CreateInviteInput!) {\n    createInvite(input: $input) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n": types.CreateInviteDocument,
    "\n  mutation ResendInvite($id: ID!) {\n    resendInvite(id: $id) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n": types.ResendInviteDocument,
    "\n  mutation RevokeInvite($id: ID!) {\n    revokeInvite(id: $id)\n  }\n": types.RevokeInviteDocument,
    "\n  query QuizCatalog {\n    courses {\n      slug\n      title\n      lessons {\n        slug\n        title\n        quizId\n      }\n    }\n  }\n": types.QuizCatalogDocument,
    "\n  query ItemAnalysis($quizId: ID!) {\n    quizItemAnalysis(quizId: $quizId) {\n      quizId\n      submittedAttempts\n      items {\n        questionId\n        prompt\n        kind\n        answered\n        shareCorrect\n        meanCredit\n        discrimination\n      }\n    }\n  }\n": types.ItemAnalysisDocument,
    "\n  query ReviewQueue($first: Int!, $after: String) {\n    reflectionReviewQueue(first: $first, after: $after) {\n      nodes {\n        id\n        learnerId\n        learnerName\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        reviewPendingSince\n        versions {\n          at\n          text\n          flagReasons\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation ReviewReflection($id: ID!, $comment: String!) {\n    reviewReflection(id: $id, comment: $comment) {\n      id\n      awaitingReview\n    }\n  }\n": types.ReviewReflectionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimeZone {\n    myOrganization {\n      id\n      timeZone\n    }\n  }\n"): typeof import('./graphql').TimeZoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n    }\n  }\n"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMyRecord($id: ID!) {\n    exportClientRecord(id: $id) {\n      generatedAt\n      document\n      certificates {\n        recordId\n        fileName\n        pdfBase64\n      }\n    }\n  }\n"): typeof import('./graphql').ExportMyRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        actorRole\n        patientId\n        subjectType\n        reason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    people: users(first: 100) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').AuditTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmergencyReport {\n    emergencyAccessGrants(first: 50) {\n      nodes {\n        id\n        clinicianId\n        clientId\n        openedAt\n        expiresAt\n        active\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').EmergencyReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffCompliance($first: Int!, $after: String, $status: [ComplianceStatus!], $role: Role) {\n    staffCompliance(first: $first, after: $after, status: $status, role: $role) {\n      nodes {\n        staff {\n          id\n          displayName\n          role\n        }\n        requirement {\n          id\n          name\n        }\n        compliance\n        dueOn\n        validUntil\n        lastCompletedAt\n        courseSlug\n        courseTitle\n        dueAt\n        status\n        percent\n        completedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').StaffComplianceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($first: Int!, $after: String, $role: Role, $search: String, $deactivated: Boolean) {\n    users(first: $first, after: $after, role: $role, search: $search, deactivated: $deactivated) {\n      nodes {\n        id\n        displayName\n        role\n        email\n        careTeam\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    clinicians: users(first: 100, role: CLINICIAN) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').PeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCareTeam($clientId: ID!, $clinicianId: ID!) {\n    addToCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n"): typeof import('./graphql').AddToCareTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromCareTeam($clientId: ID!, $clinicianId: ID!) {\n    removeFromCareTeam(clientId: $clientId, clinicianId: $clinicianId) {\n      id\n      careTeam\n    }\n  }\n"): typeof import('./graphql').RemoveFromCareTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferClient($clientId: ID!, $toClinicianId: ID!) {\n    transferClient(clientId: $clientId, toClinicianId: $toClinicianId) {\n      id\n      careTeam\n    }\n  }\n"): typeof import('./graphql').TransferClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!, $reason: String!) {\n    deactivateUser(id: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n    }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompletionRecordsAdmin($first: Int!, $after: String, $filter: CompletionRecordFilter) {\n    completionRecords(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        nameAsIssued\n        learnerRole\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        verificationCode\n        status\n        revokedReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n  }\n"): typeof import('./graphql').CompletionRecordsAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCompletionRecord($id: ID!, $reason: String!) {\n    revokeCompletionRecord(id: $id, reason: $reason) {\n      id\n      status\n      revokedReason\n    }\n  }\n"): typeof import('./graphql').RevokeCompletionRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LearningReport {\n    learningReport(weeks: 12) {\n      overdueByCourse {\n        courseSlug\n        courseTitle\n        count\n      }\n      completionsByWeek {\n        weekStart\n        count\n      }\n    }\n  }\n"): typeof import('./graphql').LearningReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettingsPage {\n    myOrganization {\n      id\n      name\n      timeZone\n      crisisLine\n      discreetSenderName\n      clientAccess\n      reminderPolicy {\n        dueSoonHours\n        quietHoursStart\n        quietHoursEnd\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationSettingsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      organizationId\n      timeZone\n    }\n  }\n"): typeof import('./graphql').UpdateOrganizationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevMailbox {\n    devMailbox(first: 20) {\n      id\n      to\n      subject\n      fromName\n      sentAt\n      text\n    }\n  }\n"): typeof import('./graphql').DevMailboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n"): typeof import('./graphql').ConfirmEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Privacy($patientId: ID!) {\n    patient(id: $patientId) {\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    familyConsents {\n      nodes {\n        id\n        active\n        recipientName\n        discloserName\n        scopes\n        purpose\n        expiresAt\n        expiryEvent\n        signedAt\n        revokedAt\n        method\n      }\n    }\n  }\n"): typeof import('./graphql').PrivacyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDisclosures {\n    myDisclosures(first: 50) {\n      nodes {\n        id\n        at\n        recipient\n        recipientName\n        records\n      }\n    }\n  }\n"): typeof import('./graphql').MyDisclosuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').GrantConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').RevokeConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCertificates {\n    myCompletionRecords(first: 50) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        credentialType\n        contactHours\n        status\n        verificationCode\n        verifiableByCode\n        certificateUrl\n      }\n    }\n  }\n"): typeof import('./graphql').MyCertificatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateShares($recordId: ID!) {\n    completionShares(recordId: $recordId) {\n      id\n      active\n      createdAt\n      expiresAt\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').CertificateSharesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShare($input: CreateCompletionShareInput!) {\n    createCompletionShare(input: $input) {\n      shareCode\n      verifyUrl\n      share {\n        id\n        expiresAt\n      }\n    }\n  }\n"): typeof import('./graphql').CreateShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeShare($id: ID!) {\n    revokeCompletionShare(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').RevokeShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyConsents {\n    familyConsents {\n      nodes {\n        id\n        active\n        patientId\n        patientName\n        scopes\n      }\n    }\n  }\n"): typeof import('./graphql').FamilyConsentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkedProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      redisclosureNotice\n      items {\n        enrollmentId\n        courseTitle\n        status\n        percent\n        completedAt\n      }\n    }\n  }\n"): typeof import('./graphql').LinkedProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoursePage($slug: String!) {\n    course(slug: $slug) {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n      lessons {\n        id\n        slug\n        title\n        estimatedMinutes\n      }\n    }\n    myLearning {\n      courseSlug\n      percent\n      blockedBy\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        lockReason\n      }\n    }\n  }\n"): typeof import('./graphql').CoursePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollFromCourse($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n    }\n  }\n"): typeof import('./graphql').EnrollFromCourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLearning {\n    me {\n      id\n      displayName\n      role\n    }\n    myLearning {\n      enrollmentId\n      courseSlug\n      courseTitle\n      dueAt\n      status\n      percent\n      completedLessons\n      totalLessons\n      source\n      blockedBy\n      nextLesson {\n        lessonId\n        slug\n        title\n      }\n      lessons {\n        slug\n      }\n    }\n    courses {\n      id\n      slug\n      title\n      summary\n      estimatedMinutes\n    }\n  }\n"): typeof import('./graphql').MyLearningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enroll($courseSlug: String!) {\n    enroll(courseSlug: $courseSlug) {\n      id\n      courseSlug\n    }\n  }\n"): typeof import('./graphql').EnrollDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LessonPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      slug\n      title\n      courseSlug\n      contentNote\n      objectives\n      estimatedMinutes\n      bodyHtml\n      disclaimer\n      sources {\n        title\n        url\n      }\n      quiz {\n        id\n      }\n      reflectionPrompts {\n        id\n        prompt\n        notice\n      }\n    }\n    myLearning {\n      courseSlug\n      lessons {\n        lessonId\n        slug\n        title\n        status\n        locked\n        positionPercent\n      }\n    }\n  }\n"): typeof import('./graphql').LessonPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProgress($input: RecordLessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      lessonSlug\n      status\n      positionPercent\n      duplicate\n    }\n  }\n"): typeof import('./graphql').RecordProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($first: Int!, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      unreadCount\n      nodes {\n        id\n        title\n        body\n        path\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MyNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    myNotifications(first: 1) {\n      unreadCount\n    }\n  }\n"): typeof import('./graphql').UnreadNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuizAttemptFields on QuizAttempt {\n    id\n    number\n    status\n    score\n    passed\n    passingScore\n    maxAttempts\n    showFeedback\n    questions {\n      id\n      kind\n      prompt\n      options {\n        id\n        text\n      }\n    }\n    savedAnswers {\n      questionId\n      optionIds\n    }\n    feedback {\n      questionId\n      correct\n      correctOptionIds\n      chosenOptionIds\n      rationale\n    }\n    standing {\n      attemptsAllowed\n      attemptsRemaining\n      passed\n    }\n  }\n"): typeof import('./graphql').QuizAttemptFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizPage($courseSlug: String!, $lessonSlug: String!) {\n    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {\n      id\n      title\n      quiz {\n        id\n        passingScore\n        maxAttempts\n        questionCount\n      }\n    }\n  }\n"): typeof import('./graphql').QuizPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizHistory($quizId: ID!) {\n    quizAttempts(quizId: $quizId) {\n      nextAttemptAvailableAt\n      attempts {\n        id\n        status\n      }\n      standing {\n        attemptsAllowed\n        attemptsRemaining\n        attemptsUsed\n        passed\n        score\n      }\n    }\n  }\n"): typeof import('./graphql').QuizHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartQuiz($quizId: ID!) {\n    startQuizAttempt(quizId: $quizId) {\n      ...QuizAttemptFields\n    }\n  }\n"): typeof import('./graphql').StartQuizDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAnswers($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    saveQuizAnswers(attemptId: $attemptId, answers: $answers) {\n      id\n      savedAt\n    }\n  }\n"): typeof import('./graphql').SaveAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!, $idempotencyKey: String!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers, idempotencyKey: $idempotencyKey) {\n      ...QuizAttemptFields\n    }\n  }\n"): typeof import('./graphql').SubmitQuizDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReflectionSafetyFields on ReflectionSafety {\n    flagged\n    message\n    crisisResources {\n      name\n      contact\n      details\n      when\n    }\n  }\n"): typeof import('./graphql').ReflectionSafetyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyReflections($courseSlug: String!, $lessonSlug: String!) {\n    reflections(courseSlug: $courseSlug, lessonSlug: $lessonSlug, first: 20) {\n      nodes {\n        id\n        promptId\n        text\n        updatedAt\n        versions {\n          at\n          text\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyReflectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReflection($input: SubmitReflectionInput!) {\n    submitReflection(input: $input) {\n      reflection {\n        id\n        text\n        updatedAt\n      }\n      safety {\n        ...ReflectionSafetyFields\n      }\n    }\n  }\n"): typeof import('./graphql').SubmitReflectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignOptions {\n    courses {\n      id\n      slug\n      title\n      audiences\n      lessons {\n        slug\n        title\n        required\n      }\n    }\n    cohorts {\n      id\n      name\n      size\n    }\n  }\n"): typeof import('./graphql').AssignOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCourse($input: AssignCourseInput!) {\n    assignCourse(input: $input) {\n      id\n      dueAt\n    }\n  }\n"): typeof import('./graphql').AssignCourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCohort($input: AssignCohortInput!) {\n    assignCohort(input: $input) {\n      cohort {\n        name\n        size\n      }\n      enrollments {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AssignCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Caseload($first: Int!, $after: String, $filter: CaseloadFilter) {\n    caseload(first: $first, after: $after, filter: $filter) {\n      nodes {\n        learner {\n          id\n          displayName\n          role\n        }\n        overdueCount\n        stuckLessons {\n          slug\n          title\n        }\n        items {\n          enrollmentId\n          courseSlug\n          courseTitle\n          status\n          percent\n          dueAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    courses {\n      slug\n      title\n    }\n    reflectionReviewQueue(first: 100) {\n      nodes {\n        id\n        learnerId\n        flagged\n        flagReasons\n      }\n    }\n  }\n"): typeof import('./graphql').CaseloadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientProgress($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n        email\n      }\n      items {\n        enrollmentId\n        courseSlug\n        courseTitle\n        status\n        percent\n        dueAt\n        completedAt\n        note\n        source\n        lessons {\n          lessonId\n          slug\n          title\n          status\n          positionPercent\n          assigned\n          quizId\n          outOfAttempts\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ClientProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRecords($learnerId: ID!) {\n    reflections(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        awaitingReview\n        updatedAt\n        reviews {\n          at\n          comment\n        }\n      }\n    }\n    learnerCompletionRecords(learnerId: $learnerId, first: 20) {\n      nodes {\n        id\n        courseTitle\n        completedAt\n        status\n        revokedReason\n      }\n    }\n  }\n"): typeof import('./graphql').ClientRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientConsents($patientId: ID!) {\n    familyConsents(patientId: $patientId) {\n      nodes {\n        id\n        active\n        recipientName\n        scopes\n        purpose\n        signedAt\n        expiresAt\n        expiryEvent\n        method\n        paperReference\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql').ClientConsentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientQuizAttempts($learnerId: ID!, $quizId: ID!) {\n    quizAttempts(learnerId: $learnerId, quizId: $quizId) {\n      standing {\n        attemptsAllowed\n        attemptsUsed\n        attemptsRemaining\n        passed\n        outOfAttempts\n        score\n      }\n      attempts {\n        id\n        number\n        status\n        score\n        passed\n        submittedAt\n      }\n    }\n  }\n"): typeof import('./graphql').ClientQuizAttemptsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantQuizAttempts($learnerId: ID!, $quizId: ID!, $extra: Int!, $reason: String!) {\n    grantQuizAttempts(learnerId: $learnerId, quizId: $quizId, extra: $extra, reason: $reason) {\n      standing {\n        attemptsRemaining\n        outOfAttempts\n      }\n    }\n  }\n"): typeof import('./graphql').GrantQuizAttemptsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenEmergencyAccess($clientId: ID!, $reason: String!) {\n    openEmergencyAccess(clientId: $clientId, reason: $reason) {\n      id\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').OpenEmergencyAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeClientConsent($id: ID!) {\n    revokeFamilyConsent(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').RevokeClientConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindPeople($search: String, $role: Role) {\n    users(first: 20, search: $search, role: $role) {\n      nodes {\n        id\n        displayName\n        role\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').FindPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LearnerName($learnerId: ID!) {\n    learnerProgress(learnerId: $learnerId) {\n      learner {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').LearnerNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cohorts {\n    cohorts {\n      id\n      name\n      size\n      memberIds\n    }\n    users(first: 100) {\n      nodes {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').CohortsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCohort($input: CreateCohortInput!) {\n    createCohort(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    addToCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddToCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromCohort($cohortId: ID!, $memberIds: [ID!]!) {\n    removeFromCohort(cohortId: $cohortId, memberIds: $memberIds) {\n      id\n    }\n  }\n"): typeof import('./graphql').RemoveFromCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentPatient($id: ID!) {\n    patient(id: $id) {\n      patient {\n        id\n        displayName\n      }\n      familyMembers {\n        id\n        displayName\n      }\n    }\n    myOrganization {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ConsentPatientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPaperConsent($input: GrantFamilyConsentInput!) {\n    grantFamilyConsent(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordPaperConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitePatients {\n    users(first: 100, role: PATIENT) {\n      nodes {\n        id\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').InvitePatientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvite($input: CreateInviteInput!) {\n    createInvite(input: $input) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').CreateInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvite($id: ID!) {\n    resendInvite(id: $id) {\n      id\n      code\n      email\n      role\n      emailSent\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ResendInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvite($id: ID!) {\n    revokeInvite(id: $id)\n  }\n"): typeof import('./graphql').RevokeInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizCatalog {\n    courses {\n      slug\n      title\n      lessons {\n        slug\n        title\n        quizId\n      }\n    }\n  }\n"): typeof import('./graphql').QuizCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemAnalysis($quizId: ID!) {\n    quizItemAnalysis(quizId: $quizId) {\n      quizId\n      submittedAttempts\n      items {\n        questionId\n        prompt\n        kind\n        answered\n        shareCorrect\n        meanCredit\n        discrimination\n      }\n    }\n  }\n"): typeof import('./graphql').ItemAnalysisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($first: Int!, $after: String) {\n    reflectionReviewQueue(first: $first, after: $after) {\n      nodes {\n        id\n        learnerId\n        learnerName\n        courseSlug\n        lessonSlug\n        text\n        flagged\n        flagReasons\n        reviewPendingSince\n        versions {\n          at\n          text\n          flagReasons\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewReflection($id: ID!, $comment: String!) {\n    reviewReflection(id: $id, comment: $comment) {\n      id\n      awaitingReview\n    }\n  }\n"): typeof import('./graphql').ReviewReflectionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
