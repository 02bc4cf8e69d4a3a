import { VerificationStatus } from './models/credentials.models';
import { escapeHtml, verificationPage, wantsHtml } from './verification-page';

describe('verification page', () => {
  it.each<[string | undefined, boolean]>([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/html', true],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['*/*', false],
    [undefined, false],
    ['text/html;q=0', false],
  ])('Accept %j → HTML: %s', (accept, html) => {
    expect(wantsHtml(accept)).toBe(html);
  });

  it('escapes every value it shows', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    const page = verificationPage({ status: VerificationStatus.VALID, nameAsIssued: '<img src=x onerror=alert(1)>', courseTitle: 'A & B', completedAt: new Date('2026-01-02T00:00:00Z') });
    expect(page).not.toContain('<img');
    expect(page).toContain('<dd>&lt;img src=x onerror=alert(1)&gt;</dd>');
    expect(page).toContain('<dd>A &amp; B</dd>');
  });
});
