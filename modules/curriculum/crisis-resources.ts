/**
 * Attached to every lesson payload (docs/architecture.md invariant 9), so any client can show
 * them on every lesson and worksheet screen. Facts from shared/CURRICULUM.md.
 */
export interface CrisisResource {
  name: string;
  contact: string;
  when: string;
  details: string;
}

export const CRISIS_RESOURCES: readonly CrisisResource[] = [
  { name: 'Emergency services', contact: '911', when: 'An overdose, or anyone in immediate danger', details: 'Call 911. If you have naloxone and suspect an opioid overdose, give it.' },
  {
    name: '988 Suicide & Crisis Lifeline',
    contact: '988',
    when: 'Thoughts of suicide, or any emotional crisis',
    details: 'Call or text 988, or chat at 988lifeline.org. Free, 24/7, Spanish available; veterans press 1.',
  },
  {
    name: 'SAMHSA National Helpline',
    contact: '1-800-662-4357',
    when: 'Finding treatment and support',
    details: 'Free, confidential, 24/7/365, English and Spanish. TTY 1-800-487-4889; text your ZIP code to 435748. Referrals and information, not counseling.',
  },
];

export const NOT_MONITORED_NOTICE =
  'What you write here is read by your care team later. It is not watched in real time. If you are in crisis, call or text 988, or call 911.';

export const EDUCATIONAL_DISCLAIMER =
  'Educational, not medical advice. Do not stop or change any medication, including medication for opioid use disorder, without talking with your prescriber; stopping some substances suddenly can be dangerous.';
