/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AssignCohortInput = {
  cohortId: string | number;
  courseSlug: string;
  /** A fixed due date. */
  dueAt?: string | null | undefined;
  dueFrom?: DueFrom | null | undefined;
  /** A relative due date: this many days after dueFrom. */
  dueInDays?: number | null | undefined;
  /** Assign only these lessons of the course (homework); all required lessons when left out. */
  lessonSlugs?: Array<string> | null | undefined;
  /** A note for the learner, shown with the assignment. */
  note?: string | null | undefined;
};

export type AssignCourseInput = {
  courseSlug: string;
  /** A fixed due date. */
  dueAt?: string | null | undefined;
  dueFrom?: DueFrom | null | undefined;
  /** A relative due date: this many days after dueFrom. */
  dueInDays?: number | null | undefined;
  learnerId: string | number;
  /** Assign only these lessons of the course (homework); all required lessons when left out. */
  lessonSlugs?: Array<string> | null | undefined;
  /** A note for the learner, shown with the assignment. */
  note?: string | null | undefined;
};

export type Audience =
  | 'FAMILY'
  | 'PATIENT'
  | 'STAFF';

export type AuditEventFilter = {
  action?: string | null | undefined;
  actorId?: string | number | null | undefined;
  from?: string | null | undefined;
  patientId?: string | number | null | undefined;
  to?: string | null | undefined;
};

export type CaseloadFilter = {
  /** Only clients with an active assignment or enrollment in this course. */
  courseSlug?: string | null | undefined;
  /** Only clients with work past its due date (in the course, when one is given). */
  overdueOnly?: boolean | null | undefined;
};

/** CARE_TEAM: a clinician sees the clients on their care team (minimum necessary). ALL_CLINICIANS: every clinician sees every client. */
export type ClientAccess =
  | 'ALL_CLINICIANS'
  | 'CARE_TEAM';

export type CompletionRecordFilter = {
  courseSlug?: string | null | undefined;
  /** Issued at or after this time. */
  from?: string | null | undefined;
  /** Include revoked records. */
  includeRevoked?: boolean;
  learnerId?: string | number | null | undefined;
  /** Issued before this time. */
  to?: string | null | undefined;
};

export type CompletionRecordStatus =
  | 'REVOKED'
  | 'VALID';

/** COMPLIANT: met, or not yet due. DUE_SOON: due, or expiring, within the requirement's dueSoonDays. OVERDUE: past due, never met (or renewal past due). EXPIRED: the last completion no longer counts. */
export type ComplianceStatus =
  | 'COMPLIANT'
  | 'DUE_SOON'
  | 'EXPIRED'
  | 'OVERDUE';

export type ConsentMethod =
  | 'IN_APP'
  | 'RECORDED_FROM_PAPER';

/** What a consent lets the program disclose. Reflection text is never disclosable. */
export type ConsentScope =
  | 'COMPLETIONS'
  | 'PROGRESS';

export type CreateCohortInput = {
  memberIds?: Array<string | number>;
  name: string;
};

export type CreateCompletionShareInput = {
  /** When the share stops working: in the future, at most a year ahead. */
  expiresAt: string;
  recordId: string | number;
};

export type CreateInviteInput = {
  displayName?: string | null | undefined;
  email: string;
  /** Required for a FAMILY invite: the patient the family member is linked to. */
  patientId?: string | number | null | undefined;
  /** FAMILY invites: how the family member relates to the patient (e.g. "mother"). */
  relationship?: string | null | undefined;
  role: Role;
};

/** CE_CREDIT only for a course with an approving body's CE approval; otherwise a certificate of completion (with contact hours for staff). */
export type CredentialType =
  | 'CERTIFICATE_OF_COMPLETION'
  | 'CE_CREDIT';

export type DisclosedRecords =
  | 'COMPLETIONS'
  | 'CONSENTS'
  | 'PROFILE'
  | 'PROGRESS'
  | 'QUIZ_RESULTS';

/** FAMILY_MEMBER: a linked family member under your consent. SHARE_CODE_HOLDER: someone you gave a certificate share code to. */
export type DisclosureRecipient =
  | 'FAMILY_MEMBER'
  | 'SHARE_CODE_HOLDER';

/** What a relative due date (dueInDays) counts from. */
export type DueFrom =
  | 'ASSIGNMENT'
  | 'HIRE';

export type GrantFamilyConsentInput = {
  /** When the consent ends. Give this, or expiryEvent, or both. */
  expiresAt?: string | null | undefined;
  /** An event that ends the consent (e.g. "when I leave the program"). */
  expiryEvent?: string | null | undefined;
  /** The linked family member who may receive the information. */
  familyMemberId: string | number;
  /** Paper consents: where the signed form is kept. */
  paperReference?: string | null | undefined;
  /** Clinicians and admins recording a paper consent: the patient who signed it. Patients leave it out. */
  patientId?: string | number | null | undefined;
  /** Why the information is shared, in the patient's words (e.g. "to support my recovery at home"). */
  purpose: string;
  /** The patient has been told they may revoke this consent at any time, and that revoking does not undo past disclosures. */
  rightToRevokeAcknowledged: boolean;
  scopes: Array<ConsentScope>;
  /** Paper consents: when the patient signed. */
  signedAt?: string | null | undefined;
};

export type LearningStatus =
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  | 'OVERDUE';

/** AWAITING_QUIZ: read to the end; the lesson completes when its quiz is passed. */
export type LessonStatus =
  | 'AWAITING_QUIZ'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED';

export type OrganizationSettingsInput = {
  /** Who among the clinicians sees a client. */
  clientAccess?: ClientAccess | null | undefined;
  /** The program's own crisis or after-hours line, shown with every lesson's crisis resources. An empty string removes it. */
  crisisLine?: string | null | undefined;
  /** The sender name on mail to patients and family members; must not reveal care (checked against the forbidden-word list). */
  discreetSenderName?: string | null | undefined;
  /** The "About our program" lesson's text; fields left out stay as they are. */
  programInfo?: ProgramInfoInput | null | undefined;
  reminderPolicy?: ReminderPolicyInput | null | undefined;
  /** IANA time zone, e.g. America/Chicago. */
  timeZone?: string | null | undefined;
  /** Fields left out stay as they are. */
  trainingGate?: TrainingGateSettingsInput | null | undefined;
};

export type ProgramInfoInput = {
  /** When family sessions meet and how to join. */
  familySessionTimes?: string | null | undefined;
  /** When groups and sessions meet. An empty string goes back to the default text. */
  hours?: string | null | undefined;
  /** House rules; line breaks are kept. */
  houseRules?: string | null | undefined;
  /** What to bring to the first day. */
  whatToBring?: string | null | undefined;
};

export type ProgressEvent =
  | 'COMPLETED'
  | 'PROGRESS'
  | 'STARTED';

export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  | 'SINGLE_CHOICE'
  | 'TRUE_FALSE';

export type QuizAnswerInput = {
  /** Chosen option ids; empty leaves the question unanswered. */
  optionIds: Array<string>;
  questionId: string;
};

export type QuizAttemptStatus =
  | 'IN_PROGRESS'
  | 'SUBMITTED';

export type RecordLessonProgressInput = {
  /** A unique id per event, made by the client; a repeated id is applied once. */
  clientEventId: string;
  event: ProgressEvent;
  lessonId: string | number;
  /** How far through the lesson, 0-100. Never moves backwards. */
  positionPercent?: number | null | undefined;
  /** Seconds spent since the last event; each event counts at most 15 minutes. */
  secondsSpent?: number | null | undefined;
};

export type ReminderPolicyInput = {
  /** Hours before the due date for the due-soon reminder (1 to 336). */
  dueSoonHours?: number | null | undefined;
  /** HH:MM, 24-hour, organization time zone. */
  quietHoursEnd?: string | null | undefined;
  /** HH:MM, 24-hour, organization time zone. */
  quietHoursStart?: string | null | undefined;
};

/** Which group of the documented risk phrase list a reflection matched. */
export type RiskCategory =
  | 'CRAVING'
  | 'CRISIS'
  | 'INTENT_TO_USE'
  | 'OVERDOSE'
  | 'RECENT_USE'
  | 'RELAPSE'
  | 'SELF_HARM';

/** ADMIN runs the program; CLINICIAN treats patients; STAFF is a staff learner; PATIENT and FAMILY are learners in care. */
export type Role =
  | 'ADMIN'
  | 'CLINICIAN'
  | 'FAMILY'
  | 'PATIENT'
  | 'STAFF';

export type SubmitReflectionInput = {
  lessonId: string | number;
  promptId: string;
  /** Up to 5000 characters. */
  text: string;
};

export type TrainingGateSettingsInput = {
  enabled?: boolean | null | undefined;
  exemptAdmins?: boolean | null | undefined;
  /** Requirement ids (trainingRequirements); an empty list means the confidentiality course. */
  requirementIds?: Array<string | number> | null | undefined;
};

export type UpdateUserInput = {
  displayName?: string | null | undefined;
  /** A new address: it takes effect once the link mailed to it is opened (confirmEmailChange). */
  email?: string | null | undefined;
  id: string | number;
  /** Admins only, among ADMIN, CLINICIAN and STAFF. The person is signed out everywhere. */
  role?: Role | null | undefined;
};

export type TimeZoneQueryVariables = Exact<{ [key: string]: never; }>;


export type TimeZoneQuery = { myOrganization: { id: string, timeZone: string } };

export type OrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationQuery = { myOrganization: { id: string, name: string, timeZone: string, crisisLine: string | null } };

export type ExportMyRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportMyRecordQuery = { exportClientRecord: { generatedAt: string, document: string, certificates: Array<{ recordId: string, fileName: string, pdfBase64: string }> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type AuditTrailQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditTrailQuery = { auditEvents: { nodes: Array<{ id: string, at: string, action: string, actorId: string | null, actorRole: string | null, patientId: string | null, subjectType: string, reason: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, people: { nodes: Array<{ id: string, displayName: string }> } };

export type EmergencyReportQueryVariables = Exact<{ [key: string]: never; }>;


export type EmergencyReportQuery = { emergencyAccessGrants: { nodes: Array<{ id: string, clinicianId: string, clientId: string, openedAt: string, expiresAt: string, active: boolean, reason: string }> } };

export type StaffComplianceQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: Array<ComplianceStatus> | ComplianceStatus | null | undefined;
  role?: Role | null | undefined;
}>;


export type StaffComplianceQuery = { staffCompliance: { nodes: Array<{ compliance: ComplianceStatus | null, dueOn: string | null, validUntil: string | null, lastCompletedAt: string | null, courseSlug: string, courseTitle: string, dueAt: string | null, status: LearningStatus, percent: number, completedAt: string | null, staff: { id: string, displayName: string, role: Role }, requirement: { id: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PeopleQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  role?: Role | null | undefined;
  search?: string | null | undefined;
  deactivated?: boolean | null | undefined;
}>;


export type PeopleQuery = { users: { nodes: Array<{ id: string, displayName: string, role: Role, email: string | null, careTeam: Array<string> | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, clinicians: { nodes: Array<{ id: string, displayName: string }> } };

export type AddToCareTeamMutationVariables = Exact<{
  clientId: string | number;
  clinicianId: string | number;
}>;


export type AddToCareTeamMutation = { addToCareTeam: { id: string, careTeam: Array<string> | null } };

export type RemoveFromCareTeamMutationVariables = Exact<{
  clientId: string | number;
  clinicianId: string | number;
}>;


export type RemoveFromCareTeamMutation = { removeFromCareTeam: { id: string, careTeam: Array<string> | null } };

export type TransferClientMutationVariables = Exact<{
  clientId: string | number;
  toClinicianId: string | number;
}>;


export type TransferClientMutation = { transferClient: { id: string, careTeam: Array<string> | null } };

export type DeactivateUserMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string } };

export type ReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string } };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, displayName: string, role: Role } };

export type CompletionRecordsAdminQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CompletionRecordFilter | null | undefined;
}>;


export type CompletionRecordsAdminQuery = { completionRecords: { nodes: Array<{ id: string, nameAsIssued: string, learnerRole: Role, courseTitle: string, completedAt: string, credentialType: CredentialType, contactHours: number | null, verificationCode: string | null, status: CompletionRecordStatus, revokedReason: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, courses: Array<{ slug: string, title: string }> };

export type RevokeCompletionRecordMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RevokeCompletionRecordMutation = { revokeCompletionRecord: { id: string, status: CompletionRecordStatus, revokedReason: string | null } };

export type LearningReportQueryVariables = Exact<{ [key: string]: never; }>;


export type LearningReportQuery = { learningReport: { overdueByCourse: Array<{ courseSlug: string, courseTitle: string, count: number }>, completionsByWeek: Array<{ weekStart: string, count: number }> } };

export type OrganizationSettingsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationSettingsPageQuery = { myOrganization: { id: string, name: string, timeZone: string, crisisLine: string | null, discreetSenderName: string, clientAccess: ClientAccess, reminderPolicy: { dueSoonHours: number, quietHoursStart: string, quietHoursEnd: string } } };

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: OrganizationSettingsInput;
}>;


export type UpdateOrganizationSettingsMutation = { updateOrganizationSettings: { organizationId: string, timeZone: string } };

export type DevMailboxQueryVariables = Exact<{ [key: string]: never; }>;


export type DevMailboxQuery = { devMailbox: Array<{ id: string, to: string, subject: string, fromName: string, sentAt: string, text: string }> };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { confirmEmailChange: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type PrivacyQueryVariables = Exact<{
  patientId: string | number;
}>;


export type PrivacyQuery = { patient: { familyMembers: Array<{ id: string, displayName: string }> }, familyConsents: { nodes: Array<{ id: string, active: boolean, recipientName: string, discloserName: string, scopes: Array<ConsentScope>, purpose: string, expiresAt: string | null, expiryEvent: string | null, signedAt: string, revokedAt: string | null, method: ConsentMethod }> } };

export type MyDisclosuresQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDisclosuresQuery = { myDisclosures: { nodes: Array<{ id: string, at: string, recipient: DisclosureRecipient, recipientName: string | null, records: DisclosedRecords }> } };

export type GrantConsentMutationVariables = Exact<{
  input: GrantFamilyConsentInput;
}>;


export type GrantConsentMutation = { grantFamilyConsent: { id: string } };

export type RevokeConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeConsentMutation = { revokeFamilyConsent: { id: string, active: boolean } };

export type MyCertificatesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCertificatesQuery = { myCompletionRecords: { nodes: Array<{ id: string, courseTitle: string, completedAt: string, credentialType: CredentialType, contactHours: number | null, status: CompletionRecordStatus, verificationCode: string | null, verifiableByCode: boolean, certificateUrl: string | null }> } };

export type CertificateSharesQueryVariables = Exact<{
  recordId: string | number;
}>;


export type CertificateSharesQuery = { completionShares: Array<{ id: string, active: boolean, createdAt: string, expiresAt: string, revokedAt: string | null }> };

export type CreateShareMutationVariables = Exact<{
  input: CreateCompletionShareInput;
}>;


export type CreateShareMutation = { createCompletionShare: { shareCode: string, verifyUrl: string, share: { id: string, expiresAt: string } } };

export type RevokeShareMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeShareMutation = { revokeCompletionShare: { id: string, active: boolean } };

export type FamilyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type FamilyConsentsQuery = { familyConsents: { nodes: Array<{ id: string, active: boolean, patientId: string, patientName: string, scopes: Array<ConsentScope> }> } };

export type LinkedProgressQueryVariables = Exact<{
  learnerId: string | number;
}>;


export type LinkedProgressQuery = { learnerProgress: { redisclosureNotice: string | null, items: Array<{ enrollmentId: string, courseTitle: string, status: LearningStatus, percent: number, completedAt: string | null }> } };

export type CoursePageQueryVariables = Exact<{
  slug: string;
}>;


export type CoursePageQuery = { course: { id: string, slug: string, title: string, summary: string, estimatedMinutes: number, lessons: Array<{ id: string, slug: string, title: string, estimatedMinutes: number }> }, myLearning: Array<{ courseSlug: string, percent: number, blockedBy: Array<string>, lessons: Array<{ lessonId: string, slug: string, title: string, status: LessonStatus, locked: boolean, lockReason: string | null }> }> };

export type EnrollFromCourseMutationVariables = Exact<{
  courseSlug: string;
}>;


export type EnrollFromCourseMutation = { enroll: { id: string } };

export type MyLearningQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLearningQuery = { me: { id: string, displayName: string, role: Role }, myLearning: Array<{ enrollmentId: string, courseSlug: string, courseTitle: string, dueAt: string | null, status: LearningStatus, percent: number, completedLessons: number, totalLessons: number, source: string, blockedBy: Array<string>, nextLesson: { lessonId: string, slug: string, title: string } | null, lessons: Array<{ slug: string }> }>, courses: Array<{ id: string, slug: string, title: string, summary: string, estimatedMinutes: number }> };

export type EnrollMutationVariables = Exact<{
  courseSlug: string;
}>;


export type EnrollMutation = { enroll: { id: string, courseSlug: string } };

export type LessonPageQueryVariables = Exact<{
  courseSlug: string;
  lessonSlug: string;
}>;


export type LessonPageQuery = { lessonBySlug: { id: string, slug: string, title: string, courseSlug: string, contentNote: string | null, objectives: Array<string>, estimatedMinutes: number, bodyHtml: string, disclaimer: string, sources: Array<{ title: string, url: string }>, quiz: { id: string } | null, reflectionPrompts: Array<{ id: string, prompt: string, notice: string }> }, myLearning: Array<{ courseSlug: string, lessons: Array<{ lessonId: string, slug: string, title: string, status: LessonStatus, locked: boolean, positionPercent: number }> }> };

export type RecordProgressMutationVariables = Exact<{
  input: RecordLessonProgressInput;
}>;


export type RecordProgressMutation = { recordLessonProgress: { lessonSlug: string, status: LessonStatus, positionPercent: number, duplicate: boolean } };

export type MyNotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyNotificationsQuery = { myNotifications: { unreadCount: number, nodes: Array<{ id: string, title: string, body: string, path: string, createdAt: string, readAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { myNotifications: { unreadCount: number } };

export type QuizAttemptFieldsFragment = { id: string, number: number, status: QuizAttemptStatus, score: number | null, passed: boolean | null, passingScore: number, maxAttempts: number, showFeedback: boolean, questions: Array<{ id: string, kind: QuestionKind, prompt: string, options: Array<{ id: string, text: string }> }>, savedAnswers: Array<{ questionId: string, optionIds: Array<string> }>, feedback: Array<{ questionId: string, correct: boolean, correctOptionIds: Array<string>, chosenOptionIds: Array<string>, rationale: string }> | null, standing: { attemptsAllowed: number, attemptsRemaining: number, passed: boolean } | null };

export type QuizPageQueryVariables = Exact<{
  courseSlug: string;
  lessonSlug: string;
}>;


export type QuizPageQuery = { lessonBySlug: { id: string, title: string, quiz: { id: string, passingScore: number, maxAttempts: number, questionCount: number } | null } };

export type QuizHistoryQueryVariables = Exact<{
  quizId: string | number;
}>;


export type QuizHistoryQuery = { quizAttempts: { nextAttemptAvailableAt: string | null, attempts: Array<{ id: string, status: QuizAttemptStatus }>, standing: { attemptsAllowed: number, attemptsRemaining: number, attemptsUsed: number, passed: boolean, score: number | null } } };

export type StartQuizMutationVariables = Exact<{
  quizId: string | number;
}>;


export type StartQuizMutation = { startQuizAttempt: { id: string, number: number, status: QuizAttemptStatus, score: number | null, passed: boolean | null, passingScore: number, maxAttempts: number, showFeedback: boolean, questions: Array<{ id: string, kind: QuestionKind, prompt: string, options: Array<{ id: string, text: string }> }>, savedAnswers: Array<{ questionId: string, optionIds: Array<string> }>, feedback: Array<{ questionId: string, correct: boolean, correctOptionIds: Array<string>, chosenOptionIds: Array<string>, rationale: string }> | null, standing: { attemptsAllowed: number, attemptsRemaining: number, passed: boolean } | null } };

export type SaveAnswersMutationVariables = Exact<{
  attemptId: string | number;
  answers: Array<QuizAnswerInput> | QuizAnswerInput;
}>;


export type SaveAnswersMutation = { saveQuizAnswers: { id: string, savedAt: string | null } };

export type SubmitQuizMutationVariables = Exact<{
  attemptId: string | number;
  answers: Array<QuizAnswerInput> | QuizAnswerInput;
  idempotencyKey: string;
}>;


export type SubmitQuizMutation = { submitQuizAttempt: { id: string, number: number, status: QuizAttemptStatus, score: number | null, passed: boolean | null, passingScore: number, maxAttempts: number, showFeedback: boolean, questions: Array<{ id: string, kind: QuestionKind, prompt: string, options: Array<{ id: string, text: string }> }>, savedAnswers: Array<{ questionId: string, optionIds: Array<string> }>, feedback: Array<{ questionId: string, correct: boolean, correctOptionIds: Array<string>, chosenOptionIds: Array<string>, rationale: string }> | null, standing: { attemptsAllowed: number, attemptsRemaining: number, passed: boolean } | null } };

export type ReflectionSafetyFieldsFragment = { flagged: boolean, message: string, crisisResources: Array<{ name: string, contact: string, details: string, when: string }> };

export type MyReflectionsQueryVariables = Exact<{
  courseSlug: string;
  lessonSlug: string;
}>;


export type MyReflectionsQuery = { reflections: { nodes: Array<{ id: string, promptId: string, text: string, updatedAt: string, versions: Array<{ at: string, text: string }> }> } };

export type SubmitReflectionMutationVariables = Exact<{
  input: SubmitReflectionInput;
}>;


export type SubmitReflectionMutation = { submitReflection: { reflection: { id: string, text: string, updatedAt: string }, safety: { flagged: boolean, message: string, crisisResources: Array<{ name: string, contact: string, details: string, when: string }> } } };

export type AssignOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AssignOptionsQuery = { courses: Array<{ id: string, slug: string, title: string, audiences: Array<Audience>, lessons: Array<{ slug: string, title: string, required: boolean }> }>, cohorts: Array<{ id: string, name: string, size: number }> };

export type AssignCourseMutationVariables = Exact<{
  input: AssignCourseInput;
}>;


export type AssignCourseMutation = { assignCourse: { id: string, dueAt: string | null } };

export type AssignCohortMutationVariables = Exact<{
  input: AssignCohortInput;
}>;


export type AssignCohortMutation = { assignCohort: { cohort: { name: string, size: number }, enrollments: Array<{ id: string }> } };

export type CaseloadQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CaseloadFilter | null | undefined;
}>;


export type CaseloadQuery = { caseload: { nodes: Array<{ overdueCount: number, learner: { id: string, displayName: string, role: Role }, stuckLessons: Array<{ slug: string, title: string }>, items: Array<{ enrollmentId: string, courseSlug: string, courseTitle: string, status: LearningStatus, percent: number, dueAt: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, courses: Array<{ slug: string, title: string }>, reflectionReviewQueue: { nodes: Array<{ id: string, learnerId: string, flagged: boolean, flagReasons: Array<RiskCategory> }> } };

export type ClientProgressQueryVariables = Exact<{
  learnerId: string | number;
}>;


export type ClientProgressQuery = { learnerProgress: { learner: { id: string, displayName: string, role: Role, email: string | null }, items: Array<{ enrollmentId: string, courseSlug: string, courseTitle: string, status: LearningStatus, percent: number, dueAt: string | null, completedAt: string | null, note: string | null, source: string, lessons: Array<{ lessonId: string, slug: string, title: string, status: LessonStatus, positionPercent: number, assigned: boolean, quizId: string | null, outOfAttempts: boolean }> }> } };

export type ClientRecordsQueryVariables = Exact<{
  learnerId: string | number;
}>;


export type ClientRecordsQuery = { reflections: { nodes: Array<{ id: string, courseSlug: string, lessonSlug: string, text: string, flagged: boolean, flagReasons: Array<RiskCategory>, awaitingReview: boolean, updatedAt: string, reviews: Array<{ at: string, comment: string }> }> }, learnerCompletionRecords: { nodes: Array<{ id: string, courseTitle: string, completedAt: string, status: CompletionRecordStatus, revokedReason: string | null }> } };

export type ClientConsentsQueryVariables = Exact<{
  patientId: string | number;
}>;


export type ClientConsentsQuery = { familyConsents: { nodes: Array<{ id: string, active: boolean, recipientName: string, scopes: Array<ConsentScope>, purpose: string, signedAt: string, expiresAt: string | null, expiryEvent: string | null, method: ConsentMethod, paperReference: string | null, revokedAt: string | null }> } };

export type ClientQuizAttemptsQueryVariables = Exact<{
  learnerId: string | number;
  quizId: string | number;
}>;


export type ClientQuizAttemptsQuery = { quizAttempts: { standing: { attemptsAllowed: number, attemptsUsed: number, attemptsRemaining: number, passed: boolean, outOfAttempts: boolean, score: number | null }, attempts: Array<{ id: string, number: number, status: QuizAttemptStatus, score: number | null, passed: boolean | null, submittedAt: string | null }> } };

export type GrantQuizAttemptsMutationVariables = Exact<{
  learnerId: string | number;
  quizId: string | number;
  extra: number;
  reason: string;
}>;


export type GrantQuizAttemptsMutation = { grantQuizAttempts: { standing: { attemptsRemaining: number, outOfAttempts: boolean } } };

export type OpenEmergencyAccessMutationVariables = Exact<{
  clientId: string | number;
  reason: string;
}>;


export type OpenEmergencyAccessMutation = { openEmergencyAccess: { id: string, expiresAt: string } };

export type RevokeClientConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeClientConsentMutation = { revokeFamilyConsent: { id: string, active: boolean } };

export type FindPeopleQueryVariables = Exact<{
  search?: string | null | undefined;
  role?: Role | null | undefined;
}>;


export type FindPeopleQuery = { users: { nodes: Array<{ id: string, displayName: string, role: Role, email: string | null }> } };

export type LearnerNameQueryVariables = Exact<{
  learnerId: string | number;
}>;


export type LearnerNameQuery = { learnerProgress: { learner: { id: string, displayName: string, role: Role } } };

export type CohortsQueryVariables = Exact<{ [key: string]: never; }>;


export type CohortsQuery = { cohorts: Array<{ id: string, name: string, size: number, memberIds: Array<string> }>, users: { nodes: Array<{ id: string, displayName: string, role: Role }> } };

export type CreateCohortMutationVariables = Exact<{
  input: CreateCohortInput;
}>;


export type CreateCohortMutation = { createCohort: { id: string } };

export type AddToCohortMutationVariables = Exact<{
  cohortId: string | number;
  memberIds: Array<string | number> | string | number;
}>;


export type AddToCohortMutation = { addToCohort: { id: string } };

export type RemoveFromCohortMutationVariables = Exact<{
  cohortId: string | number;
  memberIds: Array<string | number> | string | number;
}>;


export type RemoveFromCohortMutation = { removeFromCohort: { id: string } };

export type ConsentPatientQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsentPatientQuery = { patient: { patient: { id: string, displayName: string }, familyMembers: Array<{ id: string, displayName: string }> }, myOrganization: { id: string, name: string } };

export type RecordPaperConsentMutationVariables = Exact<{
  input: GrantFamilyConsentInput;
}>;


export type RecordPaperConsentMutation = { grantFamilyConsent: { id: string } };

export type InvitePatientsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitePatientsQuery = { users: { nodes: Array<{ id: string, displayName: string }> } };

export type CreateInviteMutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type CreateInviteMutation = { createInvite: { id: string, code: string, email: string, role: Role, emailSent: boolean, expiresAt: string } };

export type ResendInviteMutationVariables = Exact<{
  id: string | number;
}>;


export type ResendInviteMutation = { resendInvite: { id: string, code: string, email: string, role: Role, emailSent: boolean, expiresAt: string } };

export type RevokeInviteMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeInviteMutation = { revokeInvite: boolean };

export type QuizCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type QuizCatalogQuery = { courses: Array<{ slug: string, title: string, lessons: Array<{ slug: string, title: string, quizId: string | null }> }> };

export type ItemAnalysisQueryVariables = Exact<{
  quizId: string | number;
}>;


export type ItemAnalysisQuery = { quizItemAnalysis: { quizId: string, submittedAttempts: number, items: Array<{ questionId: string, prompt: string, kind: QuestionKind, answered: number, shareCorrect: number | null, meanCredit: number | null, discrimination: number | null }> } };

export type ReviewQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { reflectionReviewQueue: { nodes: Array<{ id: string, learnerId: string, learnerName: string | null, courseSlug: string, lessonSlug: string, text: string, flagged: boolean, flagReasons: Array<RiskCategory>, reviewPendingSince: string | null, versions: Array<{ at: string, text: string, flagReasons: Array<RiskCategory> }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewReflectionMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type ReviewReflectionMutation = { reviewReflection: { id: string, awaitingReview: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const QuizAttemptFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuizAttemptFields on QuizAttempt {
  id
  number
  status
  score
  passed
  passingScore
  maxAttempts
  showFeedback
  questions {
    id
    kind
    prompt
    options {
      id
      text
    }
  }
  savedAnswers {
    questionId
    optionIds
  }
  feedback {
    questionId
    correct
    correctOptionIds
    chosenOptionIds
    rationale
  }
  standing {
    attemptsAllowed
    attemptsRemaining
    passed
  }
}
    `, {"fragmentName":"QuizAttemptFields"}) as unknown as TypedDocumentString<QuizAttemptFieldsFragment, unknown>;
export const ReflectionSafetyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReflectionSafetyFields on ReflectionSafety {
  flagged
  message
  crisisResources {
    name
    contact
    details
    when
  }
}
    `, {"fragmentName":"ReflectionSafetyFields"}) as unknown as TypedDocumentString<ReflectionSafetyFieldsFragment, unknown>;
export const TimeZoneDocument = new TypedDocumentString(`
    query TimeZone {
  myOrganization {
    id
    timeZone
  }
}
    `) as unknown as TypedDocumentString<TimeZoneQuery, TimeZoneQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization {
  myOrganization {
    id
    name
    timeZone
    crisisLine
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const ExportMyRecordDocument = new TypedDocumentString(`
    query ExportMyRecord($id: ID!) {
  exportClientRecord(id: $id) {
    generatedAt
    document
    certificates {
      recordId
      fileName
      pdfBase64
    }
  }
}
    `) as unknown as TypedDocumentString<ExportMyRecordQuery, ExportMyRecordQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      at
      action
      actorId
      actorRole
      patientId
      subjectType
      reason
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  people: users(first: 100) {
    nodes {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const EmergencyReportDocument = new TypedDocumentString(`
    query EmergencyReport {
  emergencyAccessGrants(first: 50) {
    nodes {
      id
      clinicianId
      clientId
      openedAt
      expiresAt
      active
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<EmergencyReportQuery, EmergencyReportQueryVariables>;
export const StaffComplianceDocument = new TypedDocumentString(`
    query StaffCompliance($first: Int!, $after: String, $status: [ComplianceStatus!], $role: Role) {
  staffCompliance(first: $first, after: $after, status: $status, role: $role) {
    nodes {
      staff {
        id
        displayName
        role
      }
      requirement {
        id
        name
      }
      compliance
      dueOn
      validUntil
      lastCompletedAt
      courseSlug
      courseTitle
      dueAt
      status
      percent
      completedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StaffComplianceQuery, StaffComplianceQueryVariables>;
export const PeopleDocument = new TypedDocumentString(`
    query People($first: Int!, $after: String, $role: Role, $search: String, $deactivated: Boolean) {
  users(
    first: $first
    after: $after
    role: $role
    search: $search
    deactivated: $deactivated
  ) {
    nodes {
      id
      displayName
      role
      email
      careTeam
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  clinicians: users(first: 100, role: CLINICIAN) {
    nodes {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
export const AddToCareTeamDocument = new TypedDocumentString(`
    mutation AddToCareTeam($clientId: ID!, $clinicianId: ID!) {
  addToCareTeam(clientId: $clientId, clinicianId: $clinicianId) {
    id
    careTeam
  }
}
    `) as unknown as TypedDocumentString<AddToCareTeamMutation, AddToCareTeamMutationVariables>;
export const RemoveFromCareTeamDocument = new TypedDocumentString(`
    mutation RemoveFromCareTeam($clientId: ID!, $clinicianId: ID!) {
  removeFromCareTeam(clientId: $clientId, clinicianId: $clinicianId) {
    id
    careTeam
  }
}
    `) as unknown as TypedDocumentString<RemoveFromCareTeamMutation, RemoveFromCareTeamMutationVariables>;
export const TransferClientDocument = new TypedDocumentString(`
    mutation TransferClient($clientId: ID!, $toClinicianId: ID!) {
  transferClient(clientId: $clientId, toClinicianId: $toClinicianId) {
    id
    careTeam
  }
}
    `) as unknown as TypedDocumentString<TransferClientMutation, TransferClientMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($id: ID!, $reason: String!) {
  deactivateUser(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    id
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const CompletionRecordsAdminDocument = new TypedDocumentString(`
    query CompletionRecordsAdmin($first: Int!, $after: String, $filter: CompletionRecordFilter) {
  completionRecords(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      nameAsIssued
      learnerRole
      courseTitle
      completedAt
      credentialType
      contactHours
      verificationCode
      status
      revokedReason
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  courses {
    slug
    title
  }
}
    `) as unknown as TypedDocumentString<CompletionRecordsAdminQuery, CompletionRecordsAdminQueryVariables>;
export const RevokeCompletionRecordDocument = new TypedDocumentString(`
    mutation RevokeCompletionRecord($id: ID!, $reason: String!) {
  revokeCompletionRecord(id: $id, reason: $reason) {
    id
    status
    revokedReason
  }
}
    `) as unknown as TypedDocumentString<RevokeCompletionRecordMutation, RevokeCompletionRecordMutationVariables>;
export const LearningReportDocument = new TypedDocumentString(`
    query LearningReport {
  learningReport(weeks: 12) {
    overdueByCourse {
      courseSlug
      courseTitle
      count
    }
    completionsByWeek {
      weekStart
      count
    }
  }
}
    `) as unknown as TypedDocumentString<LearningReportQuery, LearningReportQueryVariables>;
export const OrganizationSettingsPageDocument = new TypedDocumentString(`
    query OrganizationSettingsPage {
  myOrganization {
    id
    name
    timeZone
    crisisLine
    discreetSenderName
    clientAccess
    reminderPolicy {
      dueSoonHours
      quietHoursStart
      quietHoursEnd
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationSettingsPageQuery, OrganizationSettingsPageQueryVariables>;
export const UpdateOrganizationSettingsDocument = new TypedDocumentString(`
    mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    organizationId
    timeZone
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>;
export const DevMailboxDocument = new TypedDocumentString(`
    query DevMailbox {
  devMailbox(first: 20) {
    id
    to
    subject
    fromName
    sentAt
    text
  }
}
    `) as unknown as TypedDocumentString<DevMailboxQuery, DevMailboxQueryVariables>;
export const ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const PrivacyDocument = new TypedDocumentString(`
    query Privacy($patientId: ID!) {
  patient(id: $patientId) {
    familyMembers {
      id
      displayName
    }
  }
  familyConsents {
    nodes {
      id
      active
      recipientName
      discloserName
      scopes
      purpose
      expiresAt
      expiryEvent
      signedAt
      revokedAt
      method
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyQuery, PrivacyQueryVariables>;
export const MyDisclosuresDocument = new TypedDocumentString(`
    query MyDisclosures {
  myDisclosures(first: 50) {
    nodes {
      id
      at
      recipient
      recipientName
      records
    }
  }
}
    `) as unknown as TypedDocumentString<MyDisclosuresQuery, MyDisclosuresQueryVariables>;
export const GrantConsentDocument = new TypedDocumentString(`
    mutation GrantConsent($input: GrantFamilyConsentInput!) {
  grantFamilyConsent(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<GrantConsentMutation, GrantConsentMutationVariables>;
export const RevokeConsentDocument = new TypedDocumentString(`
    mutation RevokeConsent($id: ID!) {
  revokeFamilyConsent(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const MyCertificatesDocument = new TypedDocumentString(`
    query MyCertificates {
  myCompletionRecords(first: 50) {
    nodes {
      id
      courseTitle
      completedAt
      credentialType
      contactHours
      status
      verificationCode
      verifiableByCode
      certificateUrl
    }
  }
}
    `) as unknown as TypedDocumentString<MyCertificatesQuery, MyCertificatesQueryVariables>;
export const CertificateSharesDocument = new TypedDocumentString(`
    query CertificateShares($recordId: ID!) {
  completionShares(recordId: $recordId) {
    id
    active
    createdAt
    expiresAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<CertificateSharesQuery, CertificateSharesQueryVariables>;
export const CreateShareDocument = new TypedDocumentString(`
    mutation CreateShare($input: CreateCompletionShareInput!) {
  createCompletionShare(input: $input) {
    shareCode
    verifyUrl
    share {
      id
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateShareMutation, CreateShareMutationVariables>;
export const RevokeShareDocument = new TypedDocumentString(`
    mutation RevokeShare($id: ID!) {
  revokeCompletionShare(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<RevokeShareMutation, RevokeShareMutationVariables>;
export const FamilyConsentsDocument = new TypedDocumentString(`
    query FamilyConsents {
  familyConsents {
    nodes {
      id
      active
      patientId
      patientName
      scopes
    }
  }
}
    `) as unknown as TypedDocumentString<FamilyConsentsQuery, FamilyConsentsQueryVariables>;
export const LinkedProgressDocument = new TypedDocumentString(`
    query LinkedProgress($learnerId: ID!) {
  learnerProgress(learnerId: $learnerId) {
    redisclosureNotice
    items {
      enrollmentId
      courseTitle
      status
      percent
      completedAt
    }
  }
}
    `) as unknown as TypedDocumentString<LinkedProgressQuery, LinkedProgressQueryVariables>;
export const CoursePageDocument = new TypedDocumentString(`
    query CoursePage($slug: String!) {
  course(slug: $slug) {
    id
    slug
    title
    summary
    estimatedMinutes
    lessons {
      id
      slug
      title
      estimatedMinutes
    }
  }
  myLearning {
    courseSlug
    percent
    blockedBy
    lessons {
      lessonId
      slug
      title
      status
      locked
      lockReason
    }
  }
}
    `) as unknown as TypedDocumentString<CoursePageQuery, CoursePageQueryVariables>;
export const EnrollFromCourseDocument = new TypedDocumentString(`
    mutation EnrollFromCourse($courseSlug: String!) {
  enroll(courseSlug: $courseSlug) {
    id
  }
}
    `) as unknown as TypedDocumentString<EnrollFromCourseMutation, EnrollFromCourseMutationVariables>;
export const MyLearningDocument = new TypedDocumentString(`
    query MyLearning {
  me {
    id
    displayName
    role
  }
  myLearning {
    enrollmentId
    courseSlug
    courseTitle
    dueAt
    status
    percent
    completedLessons
    totalLessons
    source
    blockedBy
    nextLesson {
      lessonId
      slug
      title
    }
    lessons {
      slug
    }
  }
  courses {
    id
    slug
    title
    summary
    estimatedMinutes
  }
}
    `) as unknown as TypedDocumentString<MyLearningQuery, MyLearningQueryVariables>;
export const EnrollDocument = new TypedDocumentString(`
    mutation Enroll($courseSlug: String!) {
  enroll(courseSlug: $courseSlug) {
    id
    courseSlug
  }
}
    `) as unknown as TypedDocumentString<EnrollMutation, EnrollMutationVariables>;
export const LessonPageDocument = new TypedDocumentString(`
    query LessonPage($courseSlug: String!, $lessonSlug: String!) {
  lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {
    id
    slug
    title
    courseSlug
    contentNote
    objectives
    estimatedMinutes
    bodyHtml
    disclaimer
    sources {
      title
      url
    }
    quiz {
      id
    }
    reflectionPrompts {
      id
      prompt
      notice
    }
  }
  myLearning {
    courseSlug
    lessons {
      lessonId
      slug
      title
      status
      locked
      positionPercent
    }
  }
}
    `) as unknown as TypedDocumentString<LessonPageQuery, LessonPageQueryVariables>;
export const RecordProgressDocument = new TypedDocumentString(`
    mutation RecordProgress($input: RecordLessonProgressInput!) {
  recordLessonProgress(input: $input) {
    lessonSlug
    status
    positionPercent
    duplicate
  }
}
    `) as unknown as TypedDocumentString<RecordProgressMutation, RecordProgressMutationVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    query MyNotifications($first: Int!, $after: String) {
  myNotifications(first: $first, after: $after) {
    unreadCount
    nodes {
      id
      title
      body
      path
      createdAt
      readAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(input: {ids: $ids})
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const UnreadNotificationsDocument = new TypedDocumentString(`
    query UnreadNotifications {
  myNotifications(first: 1) {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>;
export const QuizPageDocument = new TypedDocumentString(`
    query QuizPage($courseSlug: String!, $lessonSlug: String!) {
  lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {
    id
    title
    quiz {
      id
      passingScore
      maxAttempts
      questionCount
    }
  }
}
    `) as unknown as TypedDocumentString<QuizPageQuery, QuizPageQueryVariables>;
export const QuizHistoryDocument = new TypedDocumentString(`
    query QuizHistory($quizId: ID!) {
  quizAttempts(quizId: $quizId) {
    nextAttemptAvailableAt
    attempts {
      id
      status
    }
    standing {
      attemptsAllowed
      attemptsRemaining
      attemptsUsed
      passed
      score
    }
  }
}
    `) as unknown as TypedDocumentString<QuizHistoryQuery, QuizHistoryQueryVariables>;
export const StartQuizDocument = new TypedDocumentString(`
    mutation StartQuiz($quizId: ID!) {
  startQuizAttempt(quizId: $quizId) {
    ...QuizAttemptFields
  }
}
    fragment QuizAttemptFields on QuizAttempt {
  id
  number
  status
  score
  passed
  passingScore
  maxAttempts
  showFeedback
  questions {
    id
    kind
    prompt
    options {
      id
      text
    }
  }
  savedAnswers {
    questionId
    optionIds
  }
  feedback {
    questionId
    correct
    correctOptionIds
    chosenOptionIds
    rationale
  }
  standing {
    attemptsAllowed
    attemptsRemaining
    passed
  }
}`) as unknown as TypedDocumentString<StartQuizMutation, StartQuizMutationVariables>;
export const SaveAnswersDocument = new TypedDocumentString(`
    mutation SaveAnswers($attemptId: ID!, $answers: [QuizAnswerInput!]!) {
  saveQuizAnswers(attemptId: $attemptId, answers: $answers) {
    id
    savedAt
  }
}
    `) as unknown as TypedDocumentString<SaveAnswersMutation, SaveAnswersMutationVariables>;
export const SubmitQuizDocument = new TypedDocumentString(`
    mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!, $idempotencyKey: String!) {
  submitQuizAttempt(
    attemptId: $attemptId
    answers: $answers
    idempotencyKey: $idempotencyKey
  ) {
    ...QuizAttemptFields
  }
}
    fragment QuizAttemptFields on QuizAttempt {
  id
  number
  status
  score
  passed
  passingScore
  maxAttempts
  showFeedback
  questions {
    id
    kind
    prompt
    options {
      id
      text
    }
  }
  savedAnswers {
    questionId
    optionIds
  }
  feedback {
    questionId
    correct
    correctOptionIds
    chosenOptionIds
    rationale
  }
  standing {
    attemptsAllowed
    attemptsRemaining
    passed
  }
}`) as unknown as TypedDocumentString<SubmitQuizMutation, SubmitQuizMutationVariables>;
export const MyReflectionsDocument = new TypedDocumentString(`
    query MyReflections($courseSlug: String!, $lessonSlug: String!) {
  reflections(courseSlug: $courseSlug, lessonSlug: $lessonSlug, first: 20) {
    nodes {
      id
      promptId
      text
      updatedAt
      versions {
        at
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyReflectionsQuery, MyReflectionsQueryVariables>;
export const SubmitReflectionDocument = new TypedDocumentString(`
    mutation SubmitReflection($input: SubmitReflectionInput!) {
  submitReflection(input: $input) {
    reflection {
      id
      text
      updatedAt
    }
    safety {
      ...ReflectionSafetyFields
    }
  }
}
    fragment ReflectionSafetyFields on ReflectionSafety {
  flagged
  message
  crisisResources {
    name
    contact
    details
    when
  }
}`) as unknown as TypedDocumentString<SubmitReflectionMutation, SubmitReflectionMutationVariables>;
export const AssignOptionsDocument = new TypedDocumentString(`
    query AssignOptions {
  courses {
    id
    slug
    title
    audiences
    lessons {
      slug
      title
      required
    }
  }
  cohorts {
    id
    name
    size
  }
}
    `) as unknown as TypedDocumentString<AssignOptionsQuery, AssignOptionsQueryVariables>;
export const AssignCourseDocument = new TypedDocumentString(`
    mutation AssignCourse($input: AssignCourseInput!) {
  assignCourse(input: $input) {
    id
    dueAt
  }
}
    `) as unknown as TypedDocumentString<AssignCourseMutation, AssignCourseMutationVariables>;
export const AssignCohortDocument = new TypedDocumentString(`
    mutation AssignCohort($input: AssignCohortInput!) {
  assignCohort(input: $input) {
    cohort {
      name
      size
    }
    enrollments {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AssignCohortMutation, AssignCohortMutationVariables>;
export const CaseloadDocument = new TypedDocumentString(`
    query Caseload($first: Int!, $after: String, $filter: CaseloadFilter) {
  caseload(first: $first, after: $after, filter: $filter) {
    nodes {
      learner {
        id
        displayName
        role
      }
      overdueCount
      stuckLessons {
        slug
        title
      }
      items {
        enrollmentId
        courseSlug
        courseTitle
        status
        percent
        dueAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  courses {
    slug
    title
  }
  reflectionReviewQueue(first: 100) {
    nodes {
      id
      learnerId
      flagged
      flagReasons
    }
  }
}
    `) as unknown as TypedDocumentString<CaseloadQuery, CaseloadQueryVariables>;
export const ClientProgressDocument = new TypedDocumentString(`
    query ClientProgress($learnerId: ID!) {
  learnerProgress(learnerId: $learnerId) {
    learner {
      id
      displayName
      role
      email
    }
    items {
      enrollmentId
      courseSlug
      courseTitle
      status
      percent
      dueAt
      completedAt
      note
      source
      lessons {
        lessonId
        slug
        title
        status
        positionPercent
        assigned
        quizId
        outOfAttempts
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientProgressQuery, ClientProgressQueryVariables>;
export const ClientRecordsDocument = new TypedDocumentString(`
    query ClientRecords($learnerId: ID!) {
  reflections(learnerId: $learnerId, first: 20) {
    nodes {
      id
      courseSlug
      lessonSlug
      text
      flagged
      flagReasons
      awaitingReview
      updatedAt
      reviews {
        at
        comment
      }
    }
  }
  learnerCompletionRecords(learnerId: $learnerId, first: 20) {
    nodes {
      id
      courseTitle
      completedAt
      status
      revokedReason
    }
  }
}
    `) as unknown as TypedDocumentString<ClientRecordsQuery, ClientRecordsQueryVariables>;
export const ClientConsentsDocument = new TypedDocumentString(`
    query ClientConsents($patientId: ID!) {
  familyConsents(patientId: $patientId) {
    nodes {
      id
      active
      recipientName
      scopes
      purpose
      signedAt
      expiresAt
      expiryEvent
      method
      paperReference
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ClientConsentsQuery, ClientConsentsQueryVariables>;
export const ClientQuizAttemptsDocument = new TypedDocumentString(`
    query ClientQuizAttempts($learnerId: ID!, $quizId: ID!) {
  quizAttempts(learnerId: $learnerId, quizId: $quizId) {
    standing {
      attemptsAllowed
      attemptsUsed
      attemptsRemaining
      passed
      outOfAttempts
      score
    }
    attempts {
      id
      number
      status
      score
      passed
      submittedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ClientQuizAttemptsQuery, ClientQuizAttemptsQueryVariables>;
export const GrantQuizAttemptsDocument = new TypedDocumentString(`
    mutation GrantQuizAttempts($learnerId: ID!, $quizId: ID!, $extra: Int!, $reason: String!) {
  grantQuizAttempts(
    learnerId: $learnerId
    quizId: $quizId
    extra: $extra
    reason: $reason
  ) {
    standing {
      attemptsRemaining
      outOfAttempts
    }
  }
}
    `) as unknown as TypedDocumentString<GrantQuizAttemptsMutation, GrantQuizAttemptsMutationVariables>;
export const OpenEmergencyAccessDocument = new TypedDocumentString(`
    mutation OpenEmergencyAccess($clientId: ID!, $reason: String!) {
  openEmergencyAccess(clientId: $clientId, reason: $reason) {
    id
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<OpenEmergencyAccessMutation, OpenEmergencyAccessMutationVariables>;
export const RevokeClientConsentDocument = new TypedDocumentString(`
    mutation RevokeClientConsent($id: ID!) {
  revokeFamilyConsent(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<RevokeClientConsentMutation, RevokeClientConsentMutationVariables>;
export const FindPeopleDocument = new TypedDocumentString(`
    query FindPeople($search: String, $role: Role) {
  users(first: 20, search: $search, role: $role) {
    nodes {
      id
      displayName
      role
      email
    }
  }
}
    `) as unknown as TypedDocumentString<FindPeopleQuery, FindPeopleQueryVariables>;
export const LearnerNameDocument = new TypedDocumentString(`
    query LearnerName($learnerId: ID!) {
  learnerProgress(learnerId: $learnerId) {
    learner {
      id
      displayName
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LearnerNameQuery, LearnerNameQueryVariables>;
export const CohortsDocument = new TypedDocumentString(`
    query Cohorts {
  cohorts {
    id
    name
    size
    memberIds
  }
  users(first: 100) {
    nodes {
      id
      displayName
      role
    }
  }
}
    `) as unknown as TypedDocumentString<CohortsQuery, CohortsQueryVariables>;
export const CreateCohortDocument = new TypedDocumentString(`
    mutation CreateCohort($input: CreateCohortInput!) {
  createCohort(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCohortMutation, CreateCohortMutationVariables>;
export const AddToCohortDocument = new TypedDocumentString(`
    mutation AddToCohort($cohortId: ID!, $memberIds: [ID!]!) {
  addToCohort(cohortId: $cohortId, memberIds: $memberIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddToCohortMutation, AddToCohortMutationVariables>;
export const RemoveFromCohortDocument = new TypedDocumentString(`
    mutation RemoveFromCohort($cohortId: ID!, $memberIds: [ID!]!) {
  removeFromCohort(cohortId: $cohortId, memberIds: $memberIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemoveFromCohortMutation, RemoveFromCohortMutationVariables>;
export const ConsentPatientDocument = new TypedDocumentString(`
    query ConsentPatient($id: ID!) {
  patient(id: $id) {
    patient {
      id
      displayName
    }
    familyMembers {
      id
      displayName
    }
  }
  myOrganization {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsentPatientQuery, ConsentPatientQueryVariables>;
export const RecordPaperConsentDocument = new TypedDocumentString(`
    mutation RecordPaperConsent($input: GrantFamilyConsentInput!) {
  grantFamilyConsent(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordPaperConsentMutation, RecordPaperConsentMutationVariables>;
export const InvitePatientsDocument = new TypedDocumentString(`
    query InvitePatients {
  users(first: 100, role: PATIENT) {
    nodes {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<InvitePatientsQuery, InvitePatientsQueryVariables>;
export const CreateInviteDocument = new TypedDocumentString(`
    mutation CreateInvite($input: CreateInviteInput!) {
  createInvite(input: $input) {
    id
    code
    email
    role
    emailSent
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<CreateInviteMutation, CreateInviteMutationVariables>;
export const ResendInviteDocument = new TypedDocumentString(`
    mutation ResendInvite($id: ID!) {
  resendInvite(id: $id) {
    id
    code
    email
    role
    emailSent
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ResendInviteMutation, ResendInviteMutationVariables>;
export const RevokeInviteDocument = new TypedDocumentString(`
    mutation RevokeInvite($id: ID!) {
  revokeInvite(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeInviteMutation, RevokeInviteMutationVariables>;
export const QuizCatalogDocument = new TypedDocumentString(`
    query QuizCatalog {
  courses {
    slug
    title
    lessons {
      slug
      title
      quizId
    }
  }
}
    `) as unknown as TypedDocumentString<QuizCatalogQuery, QuizCatalogQueryVariables>;
export const ItemAnalysisDocument = new TypedDocumentString(`
    query ItemAnalysis($quizId: ID!) {
  quizItemAnalysis(quizId: $quizId) {
    quizId
    submittedAttempts
    items {
      questionId
      prompt
      kind
      answered
      shareCorrect
      meanCredit
      discrimination
    }
  }
}
    `) as unknown as TypedDocumentString<ItemAnalysisQuery, ItemAnalysisQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($first: Int!, $after: String) {
  reflectionReviewQueue(first: $first, after: $after) {
    nodes {
      id
      learnerId
      learnerName
      courseSlug
      lessonSlug
      text
      flagged
      flagReasons
      reviewPendingSince
      versions {
        at
        text
        flagReasons
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewReflectionDocument = new TypedDocumentString(`
    mutation ReviewReflection($id: ID!, $comment: String!) {
  reviewReflection(id: $id, comment: $comment) {
    id
    awaitingReview
  }
}
    `) as unknown as TypedDocumentString<ReviewReflectionMutation, ReviewReflectionMutationVariables>;