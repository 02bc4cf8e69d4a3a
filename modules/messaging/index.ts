/** The messaging module's door: other modules import from here only. */
export { MessagingModule } from './messaging.module';
export { MessagingService, type MessageRequest, type Recipient } from './messaging.service';
export { NotificationsService } from './notifications.service';
export { MessageKind, renderMessage, SECURITY_KINDS, type MessageParams, type RenderedMessage } from './templates/templates';
