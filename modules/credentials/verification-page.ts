import { VerificationStatus, type CompletionVerificationModel } from './models/credentials.models';

/**
 * The page a certificate's QR code opens, for a person: a form to type a share code
 * and, after one is sent, the answer. Built from fixed text and escaped values only.
 *
 * Neutral on purpose: someone glancing at the verifier's screen (or the learner's
 * browser history) must not learn what kind of program issued the record, so the page
 * itself never names treatment, conditions or substances; only a VALID answer shows the
 * record's own course title. It never echoes the code typed, so every answer that must
 * not be told apart (unknown, private, expired or revoked share) is the same bytes.
 */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}' +
  'label{display:block;font-weight:600;margin-bottom:.25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #555;border-radius:4px}' +
  'button{font:inherit;margin-top:.75rem;padding:.5rem 1rem;border:1px solid #1a1a1a;border-radius:4px;background:#1a1a1a;color:#fff;cursor:pointer}' +
  'button:focus,input:focus{outline:3px solid #1d70b8;outline-offset:2px}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}' +
  '.answer{border:1px solid #555;border-radius:4px;padding:1rem;margin:1.5rem 0}.notice{font-size:.9rem}';

/** Security headers for the page: nothing loads from elsewhere, the form posts only here, the code never leaks in a Referer. */
export const VERIFY_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The form alone (GET /verify), or the form under an answer (GET /verify/:code, /verify?code=). */
export function verificationPage(result?: CompletionVerificationModel): string {
  const answer = result ? answerHtml(result) : '';
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="robots" content="noindex">\n<title>Check a certificate</title>\n' +
    `<style>${STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Check a certificate</h1>\n` +
    answer +
    '<p>Type the share code the certificate holder gave you. Codes are not case-sensitive.</p>\n' +
    '<form method="get" action="/verify">\n<label for="code">Share code</label>\n' +
    '<input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="100" required aria-describedby="code-hint">\n' +
    '<p id="code-hint" class="notice">Example: 7K2P-9QXM-… (letters and numbers, with or without dashes)</p>\n' +
    '<button type="submit">Check</button>\n</form>\n</main>\n</body>\n</html>\n'
  );
}

function answerHtml(result: CompletionVerificationModel): string {
  const open = '<section class="answer" role="status" aria-labelledby="answer-heading">\n';
  switch (result.status) {
    case VerificationStatus.VALID:
      return (
        open +
        '<h2 id="answer-heading">This certificate is valid</h2>\n<dl>\n' +
        row('Name', result.nameAsIssued) +
        row('Course', result.courseTitle) +
        row('Completed', result.completedAt && result.completedAt.toISOString().slice(0, 10)) +
        row('Contact hours', result.contactHours === undefined || result.contactHours === null ? undefined : String(result.contactHours)) +
        '</dl>\n' +
        (result.redisclosureNotice ? `<p class="notice">${escapeHtml(result.redisclosureNotice)}</p>\n` : '') +
        '</section>\n'
      );
    case VerificationStatus.REVOKED:
      return open + '<h2 id="answer-heading">This certificate was withdrawn by its issuer</h2>\n<p>It is no longer valid.</p>\n</section>\n';
    case VerificationStatus.TAMPERED:
      return open + '<h2 id="answer-heading">This certificate cannot be confirmed</h2>\n<p>The stored record does not match its signature. Contact the issuer.</p>\n</section>\n';
    case VerificationStatus.UNKNOWN:
      return (
        open +
        '<h2 id="answer-heading">No certificate to show for this code</h2>\n' +
        '<p>The code may be mistyped, or it may no longer be shared. Ask the certificate holder for a current share code.</p>\n</section>\n'
      );
  }
}

function row(label: string, value: string | undefined | null): string {
  return value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>\n` : '';
}

/** HTML only for a client that asks for it (a browser); scripts and tools keep JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = preference(accept, 'text/html');
  return html > 0 && html >= preference(accept, 'application/json');
}

/** The q-value a comma-separated Accept header gives a media type (exact match only; a wildcard counts for neither). */
function preference(accept: string, type: string): number {
  for (const part of accept.split(',')) {
    const [media, ...params] = part.trim().toLowerCase().split(';');
    if (media.trim() !== type) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    return Number.isFinite(value) ? value : 0;
  }
  return 0;
}
