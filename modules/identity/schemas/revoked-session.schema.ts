import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * A signed-in session (refresh-token chain) that has ended, kept only while an
 * access token issued for it could still be unexpired. Every instance reads these
 * into memory (SessionsService), so an ended session stops working everywhere.
 */
@Schema({ collection: 'revokedSessions' })
export class RevokedSession {
  /** The chain id, which access tokens carry as `sid`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) revokedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
}
export type RevokedSessionDocument = HydratedDocument<RevokedSession>;
export const RevokedSessionSchema = SchemaFactory.createForClass(RevokedSession);
RevokedSessionSchema.index({ revokedAt: 1 });
RevokedSessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
