import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * The one open password-reset link of an address. Keyed by the address's hash, so
 * a new request replaces (voids) the last; written for unknown addresses too (with
 * no `userId`, so it can never be used), so both answers cost the same work.
 */
@Schema({ collection: 'passwordResets' })
export class PasswordReset {
  /** sha-256 of the normalized address. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: Types.ObjectId }) userId?: Types.ObjectId;
  /** sha-256 of the token; the token itself is only in the mail. */
  @Prop({ required: true }) tokenHash: string;
  @Prop({ required: true }) requestedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
}
export type PasswordResetDocument = HydratedDocument<PasswordReset>;
export const PasswordResetSchema = SchemaFactory.createForClass(PasswordReset);
PasswordResetSchema.index({ tokenHash: 1 }, { unique: true });
PasswordResetSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
