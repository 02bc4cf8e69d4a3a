import { csvStream, csvText, type CsvColumn } from './csv-export';

interface Row {
  name: string;
  completedAt?: Date;
  dueAt?: Date;
  hours?: number;
}

const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'completedAt', value: (r) => r.completedAt },
  { header: 'dueAt', value: (r) => r.dueAt, day: true },
  { header: 'hours', value: (r) => r.hours },
];

async function read(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('CSV export', () => {
  it('writes a header and CRLF-terminated rows, dates in the organization time zone', () => {
    // 02:30 UTC on March 5 is still March 4 in New York.
    const text = csvText(columns, [{ name: 'Stu', completedAt: new Date('2026-03-05T02:30:00Z'), dueAt: new Date('2026-03-05T02:30:00Z'), hours: 1.5 }], 'America/New_York');
    expect(text).toBe('name,completedAt,dueAt,hours\r\nStu,2026-03-04 21:30:00,2026-03-04,1.5\r\n');
    expect(csvText(columns, [{ name: 'Stu', dueAt: new Date('2026-03-05T02:30:00Z') }], 'UTC', false)).toBe('Stu,,2026-03-05,\r\n');
  });

  it.each(['=HYPERLINK("http://evil.example")', '+1+2', '-2', '@SUM(A1)', '\tx', '\rx'])('keeps %j as text, not a formula', (name) => {
    const cell = csvText(columns, [{ name }], 'UTC', false).split(',')[0];
    expect(cell.replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves negative numbers and hyphenated names alone, and quotes commas, quotes and line breaks', () => {
    const text = csvText(columns, [{ name: 'Mary-Kate, "MK"\nO\'Neil', hours: -1 }], 'UTC', false);
    expect(text).toBe('"Mary-Kate, ""MK""\nO\'Neil",,,-1\r\n');
  });

  it('reads batches only as the download is read, auditing each batch before its rows leave', async () => {
    const events: string[] = [];
    async function* batches() {
      for (let i = 1; i <= 3; i++) {
        events.push(`read ${i}`);
        yield [{ name: `row ${i}` }];
      }
    }
    const stream = await csvStream({ columns, batches: batches(), timeZone: 'UTC', beforeBatch: async (rows) => void events.push(`audit ${rows[0].name}`) });
    // The first batch is ready (and audited) before the response starts; the rest wait for the reader.
    expect(events).toEqual(['read 1', 'audit row 1']);
    expect(await read(stream)).toBe('name,completedAt,dueAt,hours\r\nrow 1,,,\r\nrow 2,,,\r\nrow 3,,,\r\n');
    expect(events).toEqual(['read 1', 'audit row 1', 'read 2', 'audit row 2', 'read 3', 'audit row 3']);
  });

  it('refuses before anything is sent when the first batch cannot be audited', async () => {
    async function* batches() {
      yield [{ name: 'a client' }];
    }
    await expect(
      csvStream({
        columns,
        batches: batches(),
        timeZone: 'UTC',
        beforeBatch: () => Promise.reject(new Error('audit store unavailable')),
      }),
    ).rejects.toThrow('audit store unavailable');
  });

  it('answers with the header alone when there are no rows', async () => {
    async function* batches(): AsyncGenerator<Row[]> {
      yield [];
    }
    expect(await read(await csvStream({ columns, batches: batches(), timeZone: 'UTC' }))).toBe('name,completedAt,dueAt,hours\r\n');
  });
});
