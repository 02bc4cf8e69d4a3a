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

/**
 * Shown beside every reflection prompt: who reads what is written there, when, and
 * that no one watches it around the clock. Each audience gets its own, because the
 * answer differs (the access policy: a patient's and a family member's care team
 * reads them; a patient never sees a family member's answers nor family a
 * patient's; staff reflections are read by the program's administrators).
 */
export const REFLECTION_NOTICES: Readonly<Record<'PATIENT' | 'FAMILY' | 'STAFF', string>> = Object.freeze({
  PATIENT:
    'Your care team at the program can read what you write here, later, not as you type; no one watches it around the clock. Your family cannot see it. If you are in crisis, call or text 988, or call 911.',
  FAMILY:
    "The program's care team can read what you write here, later, not as you type; no one watches it around the clock. Your loved one cannot see it. Anyone who can open this app on a shared phone or computer may see it, so keep safety plans on paper if that could put you at risk. If you are in crisis, call or text 988, or call 911.",
  STAFF:
    "Your program's administrators can read what you write here, later; no one watches it around the clock. Leave out patient names and anything that could identify a patient. If you are in crisis, call or text 988, or call 911.",
});

export const EDUCATIONAL_DISCLAIMER =
  'Educational, not medical advice. Do not stop or change any medication, including medication for opioid use disorder, without talking with your prescriber; stopping some substances suddenly can be dangerous.';

/**
 * The national resources with the organization's own line (Organization.crisisLine)
 * after emergency services: nearer than the national lines, never before 911.
 */
export function crisisResourcesFor(org: { name: string; crisisLine?: string }): CrisisResource[] {
  if (!org.crisisLine) return [...CRISIS_RESOURCES];
  const own: CrisisResource = { name: `${org.name} crisis line`, contact: org.crisisLine, when: 'When you need your own program, day or night', details: `Call ${org.crisisLine}.` };
  return [CRISIS_RESOURCES[0], own, ...CRISIS_RESOURCES.slice(1)];
}
