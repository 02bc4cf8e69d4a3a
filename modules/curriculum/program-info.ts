/**
 * The "About our program" lesson: its body holds `{{program.<field>}}`
 * placeholders that are filled, at read time and on the server, from the reader's
 * organization settings, so each clinic fills in its own hours and rules without
 * editing curriculum files. The importer stores the body with the placeholders;
 * the content hash therefore stays the same for every organization.
 */

/** What a clinic can say about itself, in plain text. Every field has a default. */
export interface ProgramInfo {
  /** When groups and sessions meet. */
  hours: string;
  /** The program's own after-hours or crisis line (the organization's `crisisLine`). */
  afterHoursLine: string;
  whatToBring: string;
  familySessionTimes: string;
  houseRules: string;
}

export type ProgramInfoField = keyof ProgramInfo;

/**
 * Shown until a clinic fills its own in. Written as instructions a learner can act
 * on, so an unconfigured program still shows something true.
 */
export const PROGRAM_INFO_DEFAULTS: Readonly<ProgramInfo> = Object.freeze({
  hours:
    'Ask the front desk or your counselor for your group schedule. Many IOPs meet three to five days a week, for about three hours at a time.',
  afterHoursLine:
    'Ask your counselor for the number to call when the program is closed. In a crisis, call or text 988. In an emergency, call 911.',
  whatToBring: 'A photo ID, your insurance card if you have one, a list of the medicines you take, and something to write with.',
  familySessionTimes: "Ask your loved one's counselor when family sessions meet and how to join.",
  houseRules:
    'Come on time, and call if you will be late or cannot come. Keep what others share in group private. Do not bring alcohol, drugs or weapons. Treat everyone with respect.',
});

export const PROGRAM_INFO_FIELDS = Object.keys(PROGRAM_INFO_DEFAULTS) as ProgramInfoField[];

/** `{{program.hours}}`: the only placeholder form; the validator rejects unknown fields. */
export const PROGRAM_PLACEHOLDER = /\{\{\s*program\.([A-Za-z]+)\s*\}\}/g;

export function isProgramInfoField(name: string): name is ProgramInfoField {
  return (PROGRAM_INFO_FIELDS as string[]).includes(name);
}

export function hasProgramPlaceholders(markdown: string): boolean {
  return new RegExp(PROGRAM_PLACEHOLDER.source).test(markdown);
}

/** The organization settings this lesson reads; every field optional. */
export interface ProgramSettings {
  crisisLine?: string | null;
  programInfo?: Partial<Record<Exclude<ProgramInfoField, 'afterHoursLine'>, string | null>> | null;
}

/** The one place that turns organization settings into lesson values, defaults filling the gaps. */
export function programInfoFrom(settings: ProgramSettings | null | undefined): ProgramInfo {
  const given = settings?.programInfo ?? {};
  const pick = (value: string | null | undefined, fallback: string): string => (value && value.trim() ? value.trim() : fallback);
  return {
    hours: pick(given.hours, PROGRAM_INFO_DEFAULTS.hours),
    afterHoursLine: pick(settings?.crisisLine, PROGRAM_INFO_DEFAULTS.afterHoursLine),
    whatToBring: pick(given.whatToBring, PROGRAM_INFO_DEFAULTS.whatToBring),
    familySessionTimes: pick(given.familySessionTimes, PROGRAM_INFO_DEFAULTS.familySessionTimes),
    houseRules: pick(given.houseRules, PROGRAM_INFO_DEFAULTS.houseRules),
  };
}

/**
 * Replaces each placeholder with its value as literal text: Markdown syntax in a
 * value is escaped (a clinic's text cannot add links, images or HTML), and its
 * line breaks stay line breaks. The result is rendered and sanitized like any body.
 */
export function fillProgramInfo(markdown: string, info: ProgramInfo): string {
  return markdown.replace(PROGRAM_PLACEHOLDER, (whole, name: string) => (isProgramInfoField(name) ? literalMarkdown(info[name]) : whole));
}

function literalMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (ch) => `\\${ch}`))
    .filter((line) => line !== '')
    .join('  \n');
}
