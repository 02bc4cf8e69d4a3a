import { renderLessonHtml } from './lesson-html';
import { PROGRAM_INFO_DEFAULTS, fillProgramInfo, hasProgramPlaceholders, programInfoFrom } from './program-info';

describe('program info in the "About our program" lesson', () => {
  it('uses the organization settings, the crisis line as the after-hours line, and defaults for the rest', () => {
    const info = programInfoFrom({ crisisLine: '555-0100 (after 5 pm)', programInfo: { hours: 'Mon, Wed, Thu 6-9 pm', houseRules: '   ' } });
    expect(info).toEqual({ ...PROGRAM_INFO_DEFAULTS, hours: 'Mon, Wed, Thu 6-9 pm', afterHoursLine: '555-0100 (after 5 pm)' });
    expect(programInfoFrom(null)).toEqual(PROGRAM_INFO_DEFAULTS);
  });

  it('fills placeholders as literal text: a clinic cannot add links, images or HTML', () => {
    const markdown = '## When we meet\n\n{{program.hours}}\n\n## Rules\n\n{{ program.houseRules }}\n\n{{program.unknown}}';
    expect(hasProgramPlaceholders(markdown)).toBe(true);
    const info = programInfoFrom({
      programInfo: { hours: '[Click here](javascript:alert(1)) <img src=x onerror=alert(1)>', houseRules: '1. Be on time\n# Respect others' },
    });
    const html = renderLessonHtml(fillProgramInfo(markdown, info), 'starting-iop');
    expect(html).not.toMatch(/<a |<img|href=/);
    expect(html).toContain('[Click here](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('1. Be on time<br />\n# Respect others');
    expect(html).not.toMatch(/<ol>|<h1>/);
    // An unknown placeholder is left for the validator to report, never filled.
    expect(html).toContain('{{program.unknown}}');
  });
});
