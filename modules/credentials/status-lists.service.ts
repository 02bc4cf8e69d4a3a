import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { NotFound } from '../../src/common/errors';
import { issuerProfileUrl } from './badge/open-badge';
import { statusEntry, statusListCredential, type BitstringStatusListEntry } from './badge/status-list';
import { CompletionRecord, type StoredCompletionRecord } from './schemas/completion-record.schema';
import { StatusListCounter } from './schemas/status-list-counter.schema';
import { SigningKeyService } from './signing/signing-key.service';

/**
 * Revocation status for badges: each record gets a stable index in its
 * organization's list the first time a badge is made for it, and the published
 * list is built from the records' own `revokedAt`, so revoking a record flips its
 * bit with no second write to forget.
 */
@Injectable()
export class StatusListsService {
  constructor(
    @InjectModel(CompletionRecord.name) private readonly records: Model<CompletionRecord>,
    @InjectModel(StatusListCounter.name) private readonly counters: Model<StatusListCounter>,
    private readonly signing: SigningKeyService,
  ) {}

  async entryFor(record: Pick<StoredCompletionRecord, '_id' | 'orgId' | 'statusListIndex'>, baseUrl: string): Promise<BitstringStatusListEntry> {
    return statusEntry(baseUrl, record.orgId.toHexString(), record.statusListIndex ?? (await this.assignIndex(record)));
  }

  private async assignIndex(record: Pick<StoredCompletionRecord, '_id' | 'orgId'>): Promise<number> {
    const counter = await this.counters.findOneAndUpdate({ _id: record.orgId }, { $inc: { next: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    const index = counter!.next - 1;
    const updated = await this.records
      .findOneAndUpdate({ _id: record._id, statusListIndex: { $exists: false } }, { $set: { statusListIndex: index } }, { returnDocument: 'after', projection: { statusListIndex: 1 } })
      .lean();
    if (updated) return index;
    // A concurrent badge request gave the record its index first; that one stands (this index stays unused).
    return (await this.records.findById(record._id, { statusListIndex: 1 }).lean())!.statusListIndex!;
  }

  /** The organization's revocation list as a VC-JWT, signed with the badges' key. */
  async signedList(orgId: string, baseUrl: string, now = new Date()): Promise<string> {
    if (!Types.ObjectId.isValid(orgId)) throw new NotFound('That status list');
    const org = new Types.ObjectId(orgId);
    const [counter, revoked] = await Promise.all([
      this.counters.findById(org).lean(),
      this.records.find({ orgId: org, statusListIndex: { $exists: true }, revokedAt: { $exists: true } }, { statusListIndex: 1 }).lean(),
    ]);
    if (!counter) throw new NotFound('That status list');
    const credential = statusListCredential(baseUrl, orgId, issuerProfileUrl(baseUrl, orgId), revoked.map((r) => r.statusListIndex!), now);
    return this.signing.signJwt(credential);
  }
}
