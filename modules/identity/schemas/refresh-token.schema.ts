import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** One link in a rotating refresh-token chain (one chain per sign-in). */
@Schema({ collection: 'refreshTokens' })
export class RefreshToken {
  _id: Types.ObjectId;
  @Prop({ required: true }) tokenHash: string;
  @Prop({ required: true }) chainId: string;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) orgId: Types.ObjectId;
  @Prop({ required: true }) issuedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
  @Prop() rotatedAt?: Date;
  @Prop() revokedAt?: Date;
  @Prop() revokedReason?: string;
}
export type RefreshTokenDocument = HydratedDocument<RefreshToken>;
export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
RefreshTokenSchema.index({ tokenHash: 1 }, { unique: true });
RefreshTokenSchema.index({ chainId: 1 });
RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
RefreshTokenSchema.index({ userId: 1 });
