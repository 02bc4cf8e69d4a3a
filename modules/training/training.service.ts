import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { LRUCache } from 'lru-cache';
import { Types, type Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Principal, Role } from '../../src/auth/principal';
import { CLOCK, type Clock } from '../../src/common/clock';
import { localDay } from '../../src/common/dates';
import { BadInput, NotFound } from '../../src/common/errors';
import { LOGGER } from '../../src/logging/logger';
import { Scheduler } from '../../src/scheduling/scheduler.service';
import { AuditAction, AuditService } from '../audit';
import { CompletionRecordsService, type CompletionValidity } from '../credentials';
import { CoursesService } from '../curriculum';
import { EnrollmentService } from '../enrollment';
import { AccessService, DEFAULT_TRAINING_GATE, isStaffRole, Permission, roleListed, STAFF_ROLES, UsersService, type MissingTraining, type TrainingGate, type UserSummary } from '../identity';
import { DashboardService, ProgressService, type LearningItem } from '../progress';
import { addMonths, complianceOf, type Compliance, type RequirementTerms } from './compliance';
import type { CreateTrainingRequirementInput, UpdateTrainingRequirementInput } from './models/training.models';
import { TrainingRequirement } from './schemas/training-requirement.schema';

/** The course that gates client records when an organization names no requirement (curriculum/confidentiality-essentials). */
export const CONFIDENTIALITY_COURSE = 'confidentiality-essentials';

/** The default gate: the confidentiality course, due 30 days after hire, renewed yearly, valid 12 months. */
export const DEFAULT_GATE_TERMS: RequirementTerms = {
  firstDue: { kind: 'AFTER_START', days: 30 },
  recurrence: { kind: 'MONTHS_AFTER_COMPLETION', months: 12 },
  validityMonths: 12,
  dueSoonDays: 30,
};

const HOUR_MS = 3_600_000;
/**
 * How long this instance trusts that a viewer's gating training is current without asking
 * the database again (two commands on every client-record read). Only "current" is
 * remembered, never "missing", so finishing the course opens the gate at once. Changes made
 * through this instance (settings, requirements, a revoked record) clear the organization's
 * entries; changes made through another instance reach this one within this time.
 */
const GATE_CURRENT_MS = 60_000;
const STAFF_BATCH = 100;

export interface ComplianceRow {
  staff: UserSummary;
  /** The assignment this row is about, when there is one (requirement rows before the scheduler has assigned have none). */
  item?: LearningItem;
  courseSlug: string;
  courseTitle: string;
  requirement?: TrainingRequirement;
  compliance?: Compliance;
  lastCompletedAt?: Date;
}

export interface ComplianceFilter {
  status?: readonly string[];
  requirementId?: string;
  role?: Role;
}

export function termsOf(r: Pick<TrainingRequirement, 'firstDue' | 'recurrence' | 'validityMonths' | 'dueSoonDays'>): RequirementTerms {
  const firstDue: RequirementTerms['firstDue'] = r.firstDue.kind === 'AFTER_START' ? { kind: 'AFTER_START', days: r.firstDue.days ?? 0 } : { kind: 'FIXED_DATE', month: r.firstDue.month!, day: r.firstDue.day! };
  const recurrence: RequirementTerms['recurrence'] =
    r.recurrence.kind === 'NONE'
      ? { kind: 'NONE' }
      : r.recurrence.kind === 'MONTHS_AFTER_COMPLETION'
        ? { kind: 'MONTHS_AFTER_COMPLETION', months: r.recurrence.months! }
        : { kind: 'ANNUAL_DATE', month: r.recurrence.month!, day: r.recurrence.day! };
  return { firstDue, recurrence, validityMonths: r.validityMonths ?? undefined, dueSoonDays: r.dueSoonDays };
}

/** The day a staff member's requirements count from: the hire date, or the day they joined. */
function startOf(staff: Pick<UserSummary, 'hiredAt' | 'createdAt'>): Date {
  return staff.hiredAt ?? staff.createdAt;
}

/**
 * Staff training requirements (issue 16): definitions, compliance, the scheduled work that
 * assigns and renews the courses, the validity of completion records, and the training
 * gate on client records. Registers itself with credentials (validity), identity (the gate)
 * and the scheduler at start-up, so none of them imports this module.
 */
@Injectable()
export class TrainingService implements OnModuleInit, TrainingGate, CompletionValidity {
  constructor(
    @InjectModel(TrainingRequirement.name) private readonly requirements: Model<TrainingRequirement>,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly courses: CoursesService,
    private readonly enrollments: EnrollmentService,
    private readonly dashboards: DashboardService,
    private readonly progress: ProgressService,
    private readonly records: CompletionRecordsService,
    private readonly scheduler: Scheduler,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Viewers whose gating training is current, until the instant it stops counting (the clock's time). */
  private readonly current = new LRUCache<string, { orgId: string; until: number }>({ max: 10_000, ttl: GATE_CURRENT_MS });

  onModuleInit(): void {
    this.records.useValidity(this);
    this.access.useTrainingGate(this);
    this.scheduler.define({ name: 'training-requirements', everyMs: HOUR_MS, run: async (now) => void (await this.assignAndRenew(now)) });
  }

  // ── Requirements ──────────────────────────────────────────────────────────

  async create(admin: Principal, input: CreateTrainingRequirementInput): Promise<TrainingRequirement> {
    this.access.requireAct(admin, Permission.MANAGE_TRAINING_REQUIREMENTS);
    const fields = await this.checked(admin, input);
    const created = await this.requirements.create({
      orgId: new Types.ObjectId(admin.orgId),
      createdBy: new Types.ObjectId(admin.userId),
      roles: [],
      dueSoonDays: 30,
      ...fields,
    });
    this.forget(admin.orgId);
    await this.recordChange(admin, AuditAction.TRAINING_REQUIREMENT_CREATED, created, Object.keys(fields));
    return created.toObject();
  }

  async update(admin: Principal, id: string, input: UpdateTrainingRequirementInput): Promise<TrainingRequirement> {
    this.access.requireAct(admin, Permission.MANAGE_TRAINING_REQUIREMENTS);
    const existing = await this.find(admin, id);
    const fields = await this.checked(admin, input, existing);
    const unset = input.validityMonths === null ? { validityMonths: 1 as const } : undefined;
    const updated = await this.requirements
      .findOneAndUpdate({ _id: existing._id, orgId: existing.orgId }, { $set: fields, ...(unset && { $unset: unset }) }, { returnDocument: 'after' })
      .lean();
    this.forget(admin.orgId);
    await this.recordChange(admin, AuditAction.TRAINING_REQUIREMENT_CHANGED, existing, Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined));
    return updated!;
  }

  async archive(admin: Principal, id: string): Promise<TrainingRequirement> {
    this.access.requireAct(admin, Permission.MANAGE_TRAINING_REQUIREMENTS);
    const existing = await this.find(admin, id);
    if (existing.archivedAt) return existing;
    const archived = await this.requirements.findOneAndUpdate({ _id: existing._id }, { $set: { archivedAt: this.clock.now() } }, { returnDocument: 'after' }).lean();
    this.forget(admin.orgId);
    await this.recordChange(admin, AuditAction.TRAINING_REQUIREMENT_ARCHIVED, existing, []);
    return archived!;
  }

  /** Who changed which requirement, and which fields (their names, not their values). */
  private recordChange(admin: Principal, action: AuditAction, requirement: Pick<TrainingRequirement, '_id' | 'name' | 'courseSlug'>, changed: string[]): Promise<void> {
    return this.audit.record({
      actor: admin,
      action,
      subjectType: 'TRAINING_REQUIREMENT',
      subjectId: requirement._id.toHexString(),
      detail: { name: requirement.name, courseSlug: requirement.courseSlug, ...(changed.length && { changed }) },
    });
  }

  async list(admin: Principal, includeArchived: boolean): Promise<TrainingRequirement[]> {
    this.access.requireAct(admin, Permission.READ_STAFF_COMPLIANCE);
    return this.requirements
      .find({ orgId: new Types.ObjectId(admin.orgId), ...(!includeArchived && { archivedAt: { $exists: false } }) })
      .sort({ createdAt: 1, _id: 1 })
      .limit(200)
      .lean();
  }

  private async find(admin: Principal, id: string): Promise<TrainingRequirement> {
    const found = Types.ObjectId.isValid(id) ? await this.requirements.findOne({ _id: new Types.ObjectId(id), orgId: new Types.ObjectId(admin.orgId) }).lean() : null;
    if (!found) throw new NotFound('That training requirement');
    return found;
  }

  /** The stored fields from an input, each checked against the rest (merged with the existing requirement on update). */
  private async checked(admin: Principal, input: UpdateTrainingRequirementInput, existing?: TrainingRequirement): Promise<Partial<TrainingRequirement>> {
    const fields: Partial<TrainingRequirement> = {};
    if (input.name !== undefined) fields.name = input.name.trim();
    if (input.courseSlug !== undefined) {
      const course = await this.courses.currentCourse(input.courseSlug);
      if (!course) throw new BadInput(`There is no course "${input.courseSlug}".`, { field: 'courseSlug' });
      if (!course.audiences.includes('STAFF')) throw new BadInput(`"${course.title}" is not a staff course; training requirements are for staff courses.`, { field: 'courseSlug' });
      fields.courseSlug = course.slug;
    }
    if (input.roles !== undefined) {
      const notStaff = input.roles.filter((role) => !isStaffRole(role));
      if (notStaff.length) throw new BadInput(`Training requirements apply to staff: ${notStaff.join(', ')} is not a staff role.`, { field: 'roles' });
      fields.roles = input.roles;
    }
    if (input.cohortId !== undefined) {
      const members = await this.enrollments.cohortMembers(admin.orgId, [new Types.ObjectId(input.cohortId)]);
      if (!members.has(input.cohortId)) throw new NotFound('That cohort');
      fields.cohortId = new Types.ObjectId(input.cohortId);
    }
    if (input.firstDue) {
      const { kind, days, month, day } = input.firstDue;
      if (kind === 'AFTER_START') {
        if (days === undefined || days === null) throw new BadInput('A first due date after hire needs firstDue.days.', { field: 'firstDue.days' });
        fields.firstDue = { kind, days };
      } else {
        fields.firstDue = { kind, ...calendarDay(month, day, 'firstDue') };
      }
    }
    if (input.recurrence) {
      const { kind, months, month, day } = input.recurrence;
      if (kind === 'MONTHS_AFTER_COMPLETION') {
        if (!months) throw new BadInput('Renewal every N months needs recurrence.months.', { field: 'recurrence.months' });
        fields.recurrence = { kind, months };
      } else if (kind === 'ANNUAL_DATE') {
        fields.recurrence = { kind, ...calendarDay(month, day, 'recurrence') };
      } else {
        fields.recurrence = { kind };
      }
    }
    if (input.validityMonths !== undefined && input.validityMonths !== null) fields.validityMonths = input.validityMonths;
    if (input.dueSoonDays !== undefined && input.dueSoonDays !== null) fields.dueSoonDays = input.dueSoonDays;
    const roles = fields.roles ?? existing?.roles ?? [];
    const cohort = fields.cohortId ?? existing?.cohortId;
    if (roles.length === 0 && !cohort) throw new BadInput('Say who the requirement applies to: one or more staff roles, a cohort, or both.', { field: 'roles' });
    return fields;
  }

  // ── Compliance ────────────────────────────────────────────────────────────

  /** Which active requirements apply to whom: by role, or by cohort membership (staff roles only). */
  private async applicability(orgId: string, requirements: readonly TrainingRequirement[]): Promise<(staff: UserSummary) => TrainingRequirement[]> {
    const members = await this.enrollments.cohortMembers(orgId, requirements.flatMap((r) => (r.cohortId ? [r.cohortId] : [])));
    return (staff) =>
      isStaffRole(staff.role)
        ? requirements.filter((r) => roleListed(r.roles, staff.role) || (r.cohortId && members.get(r.cohortId.toHexString())?.has(staff._id.toHexString())))
        : [];
  }

  /** When each learner completed each course (every cycle), keyed "learnerId|courseSlug". */
  private async completions(orgId: string, learnerIds: readonly Types.ObjectId[], courseSlugs: readonly string[]): Promise<Map<string, Date[]>> {
    const rows = await this.records.completionsOf(orgId, learnerIds, [...new Set(courseSlugs)]);
    const completed = new Map<string, Date[]>();
    for (const row of rows) {
      const key = `${row.learnerId.toHexString()}|${row.courseSlug}`;
      completed.set(key, [...(completed.get(key) ?? []), row.completedAt]);
    }
    return completed;
  }

  /**
   * staffCompliance: a page of staff members; for each, a row per assigned course (as
   * before requirements existed) and per training requirement that applies to them, with
   * the requirement's standing. A status or requirement filter keeps requirement rows only.
   */
  async compliance(viewer: Principal, page: { first: number; after?: string }, filter: ComplianceFilter = {}): Promise<{ rows: ComplianceRow[]; hasNextPage: boolean; endCursor?: string }> {
    if (filter.role && !isStaffRole(filter.role)) throw new BadInput('staffCompliance lists staff: role must be STAFF, CLINICIAN or ADMIN.', { field: 'role' });
    const result = await this.dashboards.staffCompliance(viewer, page.first, page.after, filter.role ? [filter.role] : STAFF_ROLES);
    const org = await this.users.organization(viewer.orgId);
    const all = await this.requirements.find({ orgId: new Types.ObjectId(viewer.orgId), archivedAt: { $exists: false } }).sort({ createdAt: 1, _id: 1 }).lean();
    const requirements = filter.requirementId ? all.filter((r) => r._id.equals(filter.requirementId!)) : all;
    const applies = await this.applicability(viewer.orgId, requirements);
    const staffIds = result.rows.map((r) => r.staff._id);
    const [completed, titles] = await Promise.all([
      this.completions(viewer.orgId, staffIds, requirements.map((r) => r.courseSlug)),
      requirements.length ? this.courses.currentCoursesBySlug([...new Set(requirements.map((r) => r.courseSlug))]) : Promise.resolve(new Map()),
    ]);
    const today = localDay(this.clock.now(), org.timeZone);
    const requirementOnly = Boolean(filter.status?.length || filter.requirementId);
    const rows: ComplianceRow[] = [];
    for (const { staff, items } of result.rows) {
      const mine = applies(staff);
      const covered = new Set<string>();
      const dates = (r: TrainingRequirement) => completed.get(`${staff._id.toHexString()}|${r.courseSlug}`) ?? [];
      const standing = (r: TrainingRequirement) => ({
        compliance: complianceOf(termsOf(r), localDay(startOf(staff), org.timeZone), dates(r).map((d) => localDay(d, org.timeZone)), today),
        lastCompletedAt: latest(dates(r)),
      });
      for (const item of items) {
        const matching = mine.filter((r) => r.courseSlug === item.course.slug);
        matching.forEach((r) => covered.add(r._id.toHexString()));
        if (matching.length === 0 && !requirementOnly) rows.push({ staff, item, courseSlug: item.course.slug, courseTitle: item.course.title });
        for (const r of matching) rows.push({ staff, item, courseSlug: item.course.slug, courseTitle: item.course.title, requirement: r, ...standing(r) });
      }
      for (const r of mine.filter((m) => !covered.has(m._id.toHexString()))) {
        rows.push({ staff, courseSlug: r.courseSlug, courseTitle: titles.get(r.courseSlug)?.title ?? r.courseSlug, requirement: r, ...standing(r) });
      }
    }
    const wanted = filter.status?.length ? new Set(filter.status) : undefined;
    return {
      rows: wanted ? rows.filter((row) => row.compliance && wanted.has(row.compliance.status)) : rows,
      hasNextPage: result.hasNextPage,
      endCursor: result.endCursor,
    };
  }

  /** The compliance CSV's rows, a page of staff at a time: requirement rows only (one per staff member × requirement). */
  async *complianceBatches(viewer: Principal, filter: ComplianceFilter): AsyncGenerator<ComplianceRow[]> {
    let after: string | undefined;
    do {
      const page = await this.compliance(viewer, { first: STAFF_BATCH, after }, filter);
      yield page.rows.filter((row) => row.requirement);
      after = page.hasNextPage ? page.endCursor : undefined;
    } while (after);
  }

  // ── Scheduled work: assignments and renewals ──────────────────────────────

  /**
   * Every organization with requirements: each staff member they apply to gets the course
   * assigned (due on the requirement's date), and a completed assignment whose completion is
   * due for renewal (due soon, overdue or expired) opens its next cycle: due again, lesson
   * progress starting over. Idempotent: assignment is once per learner and course, and a
   * renewal moves only the cycle it read.
   */
  async assignAndRenew(now: Date): Promise<{ assigned: number; renewed: number }> {
    let assigned = 0;
    let renewed = 0;
    const orgIds = await this.requirements.distinct('orgId', { archivedAt: { $exists: false } });
    for (const orgId of orgIds as Types.ObjectId[]) {
      const counts = await this.assignAndRenewIn(orgId.toHexString(), now);
      assigned += counts.assigned;
      renewed += counts.renewed;
    }
    if (assigned || renewed) this.logger.info({ assigned, renewed }, 'training requirements: courses assigned and renewed');
    return { assigned, renewed };
  }

  private async assignAndRenewIn(orgId: string, now: Date): Promise<{ assigned: number; renewed: number }> {
    const org = await this.users.organization(orgId);
    const requirements = await this.requirements.find({ orgId: new Types.ObjectId(orgId), archivedAt: { $exists: false } }).sort({ createdAt: 1, _id: 1 }).lean();
    const applies = await this.applicability(orgId, requirements);
    const today = localDay(now, org.timeZone);
    let assigned = 0;
    let renewed = 0;
    let after: string | undefined;
    do {
      const page = await this.users.listInOrg(orgId, STAFF_ROLES, { first: STAFF_BATCH, after });
      const ids = page.nodes.map((s) => s._id);
      const [enrollments, completed] = await Promise.all([this.enrollments.forLearners(orgId, ids), this.completions(orgId, ids, requirements.map((r) => r.courseSlug))]);
      // Enrollments are read-only views: the ones renewed in this pass are remembered here.
      const restarted = new Set<object>();
      for (const staff of page.nodes) {
        for (const r of applies(staff)) {
          const days = (completed.get(`${staff._id.toHexString()}|${r.courseSlug}`) ?? []).map((d) => localDay(d, org.timeZone));
          const standing = complianceOf(termsOf(r), localDay(startOf(staff), org.timeZone), days, today);
          const enrollment = enrollments.find((e) => e.learnerId.equals(staff._id) && e.courseSlug === r.courseSlug);
          const dueAt = standing.dueOn ? endOfDay(standing.dueOn, org.timeZone) : undefined;
          if (!enrollment) {
            if (dueAt && (await this.enrollments.assignForRequirement(orgId, staff, r.courseSlug, dueAt, r._id))) assigned++;
          } else if (enrollment.completedAt && !restarted.has(enrollment) && dueAt && standing.status !== 'COMPLIANT' && (await this.enrollments.renew(orgId, staff._id, r.courseSlug, enrollment.cycle ?? 1, dueAt))) {
            await this.progress.restartCourse(orgId, staff._id, r.courseSlug);
            restarted.add(enrollment); // a second requirement on the same course does not renew it twice
            renewed++;
          }
        }
      }
      after = page.hasNextPage ? page.endCursor : undefined;
    } while (after);
    return { assigned, renewed };
  }

  // ── Completion validity (asked by credentials at issue time) ──────────────

  async validUntil(input: { orgId: string; learnerId: string; courseSlug: string; completedAt: Date; learner?: UserSummary }): Promise<Date | undefined> {
    const learner = input.learner ?? (await this.users.findById(input.learnerId));
    if (!learner || !isStaffRole(learner.role)) return undefined;
    const requirements = await this.requirements.find({ orgId: new Types.ObjectId(input.orgId), courseSlug: input.courseSlug, archivedAt: { $exists: false } }).lean();
    const applies = await this.applicability(input.orgId, requirements);
    const months = applies(learner)
      .map((r) => r.validityMonths)
      .filter((m): m is number => Boolean(m));
    if (months.length === 0 && input.courseSlug === CONFIDENTIALITY_COURSE) months.push(DEFAULT_GATE_TERMS.validityMonths!);
    if (months.length === 0) return undefined;
    return addCalendarMonths(input.completedAt, Math.min(...months));
  }

  // ── The training gate (asked by AccessService on reads of client records) ─

  async missingTraining(viewer: Principal, asAdmin: boolean): Promise<MissingTraining | undefined> {
    // The role too: requirements apply by role, and a role change must not inherit the old role's answer.
    const key = `${viewer.userId}|${viewer.role}|${asAdmin ? 'admin' : 'staff'}`;
    const now = this.clock.now().getTime();
    const remembered = this.current.get(key);
    if (remembered && remembered.orgId === viewer.orgId && now < remembered.until) return undefined;
    const org = await this.users.organization(viewer.orgId);
    const gate = { ...DEFAULT_TRAINING_GATE, ...org.trainingGate };
    if (!gate.enabled || (asAdmin && gate.exemptAdmins)) {
      this.current.set(key, { orgId: viewer.orgId, until: Infinity });
      return undefined;
    }
    const named = gate.requirementIds.length
      ? await this.requirements.find({ orgId: org._id, _id: { $in: gate.requirementIds }, archivedAt: { $exists: false } }).sort({ createdAt: 1, _id: 1 }).lean()
      : [];
    // Archived or unknown requirements gate nothing, but the gate never silently opens: with none left, the default applies.
    const gating: Array<{ courseSlug: string; terms: RequirementTerms; requirementId?: string }> = named.length
      ? named.map((r) => ({ courseSlug: r.courseSlug, terms: termsOf(r), requirementId: r._id.toHexString() }))
      : [{ courseSlug: CONFIDENTIALITY_COURSE, terms: DEFAULT_GATE_TERMS }];
    const me = new Types.ObjectId(viewer.userId);
    const completed = await this.completions(viewer.orgId, [me], gating.map((g) => g.courseSlug));
    const today = localDay(this.clock.now(), org.timeZone);
    const daysOf = (courseSlug: string) => (completed.get(`${viewer.userId}|${courseSlug}`) ?? []).map((d) => localDay(d, org.timeZone));
    let until = Infinity;
    for (const g of gating) {
      const compliance = complianceOf(g.terms, today, daysOf(g.courseSlug), today);
      if (!isCurrent(compliance, today)) {
        const course = await this.courses.currentCourse(g.courseSlug);
        return { courseSlug: g.courseSlug, courseTitle: course?.title ?? g.courseSlug, requirementId: g.requirementId };
      }
      if (compliance.validUntil) until = Math.min(until, endOfDay(compliance.validUntil, org.timeZone).getTime() + 1000);
    }
    this.current.set(key, { orgId: viewer.orgId, until });
    return undefined;
  }

  forget(orgId: string): void {
    for (const [key, entry] of this.current.entries()) if (entry.orgId === orgId) this.current.delete(key);
  }

}

function latest(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (!a || b > a ? b : a), undefined);
}

/** Current for the gate: completed, and the completion still counts today. Being due soon does not close the gate. */
function isCurrent(c: Compliance, today: string): boolean {
  return Boolean(c.lastCompletedOn) && (!c.validUntil || today <= c.validUntil);
}

function calendarDay(month: number | undefined, day: number | undefined, field: string): { month: number; day: number } {
  if (!month || !day) throw new BadInput(`A fixed date needs ${field}.month and ${field}.day.`, { field });
  const longest = new Date(Date.UTC(2024, month, 0)).getUTCDate(); // a leap year: February 29 is allowed
  if (day > longest) throw new BadInput(`Month ${month} has no day ${day}.`, { field: `${field}.day` });
  return { month, day };
}

/** The same wall-clock time, N calendar months later (Jan 31 + 1 month → Feb 28). */
function addCalendarMonths(date: Date, months: number): Date {
  const day = addMonths(date.toISOString().slice(0, 10), months);
  return new Date(`${day}T${date.toISOString().slice(11)}`);
}

/** 23:59:59 on a local calendar day, as an instant: a due date is met any time that day. */
export function endOfDay(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T23:59:59Z`);
  const local = new Date(`${localDay(guess, timeZone)}T${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(guess)}Z`);
  return new Date(guess.getTime() - (local.getTime() - guess.getTime()));
}
