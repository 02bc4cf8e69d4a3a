/** The training module's door: other modules import from here only. */
export { TrainingModule } from './training.module';
export { TrainingService, CONFIDENTIALITY_COURSE, DEFAULT_GATE_TERMS } from './training.service';
export { complianceOf, type Compliance, type ComplianceStatus, type RequirementTerms } from './compliance';
