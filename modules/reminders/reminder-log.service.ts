import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../src/common/errors';
import { ReminderLog } from './schemas/reminder-log.schema';

/** What the reminder and digest jobs have already dealt with (see ReminderLog). */
@Injectable()
export class ReminderLogService {
  constructor(@InjectModel(ReminderLog.name) private readonly log: Model<ReminderLog>) {}

  /** Of these, the keys already handled and the subjects already handled on `day`, in one query. */
  async handled(keys: readonly string[], subjectIds: readonly Types.ObjectId[], day: string): Promise<{ keys: Set<string>; subjectsToday: Set<string> }> {
    const rows = await this.log.find({ $or: [{ key: { $in: [...keys] } }, { subjectId: { $in: [...subjectIds] }, day }] }, { key: 1, subjectId: 1, day: 1 }).lean();
    return { keys: new Set(rows.map((r) => r.key)), subjectsToday: new Set(rows.filter((r) => r.day === day).map((r) => r.subjectId.toHexString())) };
  }

  async record(key: string, subjectId: Types.ObjectId, kind: string, day: string, at: Date): Promise<void> {
    try {
      await this.log.updateOne({ key }, { $setOnInsert: { subjectId, kind, day, at } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // a run on another instance recorded it first
    }
  }
}
