import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * Failed sign-ins per email address, kept whether or not the address has an
 * account, so a lockout never tells anyone which addresses exist.
 */
@Schema({ collection: 'loginThrottles' })
export class LoginThrottle {
  @Prop({ required: true }) keyHash: string;
  @Prop({ required: true, default: 0 }) failures: number;
  @Prop() lockedUntil?: Date;
  @Prop({ required: true }) expiresAt: Date;
}
export type LoginThrottleDocument = HydratedDocument<LoginThrottle>;
export const LoginThrottleSchema = SchemaFactory.createForClass(LoginThrottle);
LoginThrottleSchema.index({ keyHash: 1 }, { unique: true });
LoginThrottleSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
