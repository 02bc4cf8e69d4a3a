import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { DeliveryWorker } from './delivery.worker';
import { captureTransport, MAIL_TRANSPORT, smtpTransport } from './mail-transport';
import { MessagingResolver } from './messaging.resolver';
import { MessagingService } from './messaging.service';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';
import { InAppNotification, NotificationPreference, NotificationPreferenceSchema, InAppNotificationSchema } from './schemas/notification.schema';
import { OutboxMessage, OutboxMessageSchema } from './schemas/outbox-message.schema';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Owns mail and in-app notifications: the outbox and its delivery worker, message
 * templates and catalogs, notification preferences. Other modules send through
 * MessagingService; nothing else talks SMTP. Depends on no other module, so every
 * module may import it.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: OutboxMessage.name, schema: OutboxMessageSchema },
      { name: InAppNotification.name, schema: InAppNotificationSchema },
      { name: NotificationPreference.name, schema: NotificationPreferenceSchema },
    ]),
  ],
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      // Configuration has already refused production without SMTP_URL.
      useFactory: (config: AppConfig) => (config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : captureTransport()),
    },
    OutboxService,
    DeliveryWorker,
    MessagingService,
    NotificationsService,
    MessagingResolver,
  ],
  controllers: [UnsubscribeController],
  exports: [MessagingService, NotificationsService],
})
export class MessagingModule {}
