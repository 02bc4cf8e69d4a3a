import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * Failed sign-ins per email address and client, and per address each hour, kept
 * whether or not the address has an account, so a delay never tells anyone which
 * addresses exist (SignInThrottleService).
 */
@Schema({ collection: 'loginThrottles' })
export class LoginThrottle {
  @Prop({ required: true }) keyHash: string;
  @Prop({ required: true, default: 0 }) failures: number;
  /** No attempt is checked before this time. */
  @Prop({ required: true }) nextAllowedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
}
export type LoginThrottleDocument = HydratedDocument<LoginThrottle>;
export const LoginThrottleSchema = SchemaFactory.createForClass(LoginThrottle);
LoginThrottleSchema.index({ keyHash: 1 }, { unique: true });
LoginThrottleSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
