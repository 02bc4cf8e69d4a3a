import { Controller, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Public } from '../../src/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { NotificationsService } from './notifications.service';
import { readUnsubscribeToken } from './unsubscribe-token';

const PAGE = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Email settings</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

/**
 * The unsubscribe link in reminders and digests. GET shows a button (mail scanners
 * follow links, so a GET changes nothing); POST — the button, or a mail client's
 * RFC 8058 one-click request — switches that kind of mail off.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  @Public()
  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(@Param('token') token: string): string {
    const read = readUnsubscribeToken(this.config.auth.jwtSecret, token);
    if (!read) return PAGE('<h1>This link does not work</h1><p>Change what you receive in your account settings instead.</p>');
    const what = read.topic === 'digest' ? 'the weekly summary' : 'reminder emails';
    return PAGE(`<h1>Stop ${what}?</h1><form method="post"><button type="submit">Stop ${what}</button></form><p>Emails about your password and sign-in still come: they keep your account safe.</p>`);
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribe(@Param('token') token: string): Promise<string> {
    const read = readUnsubscribeToken(this.config.auth.jwtSecret, token);
    if (!read) return PAGE('<h1>This link does not work</h1><p>Change what you receive in your account settings instead.</p>');
    await this.notifications.setPreferences(read.userId, read.topic === 'digest' ? { digestEnabled: false } : { remindersEnabled: false });
    return PAGE(`<h1>Done</h1><p>You will no longer get ${read.topic === 'digest' ? 'the weekly summary' : 'reminder emails'}. You can turn them back on in your account settings.</p>`);
  }
}
