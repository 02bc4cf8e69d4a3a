import { stringify, type Options } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { localDateTime, localDay } from '../common/dates';

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
  /** Dates in this column are calendar days (a due date), written "2026-03-05"; otherwise a local date and time. */
  day?: boolean;
}

export interface CsvExport<T> {
  columns: readonly CsvColumn<T>[];
  /** The rows, a batch at a time (a page from the database): only one batch is held in memory. */
  batches: AsyncIterable<readonly T[]>;
  /** The organization's time zone: every date is written as its people read it. */
  timeZone: string;
  /**
   * Runs before a batch's rows are written. An export holding client data records its
   * audit event here, so no row leaves before its read is on record; if it throws, the
   * export stops there.
   */
  beforeBatch?: (rows: readonly T[]) => Promise<void>;
}

/**
 * RFC 4180 (CRLF, quotes doubled); a cell that a spreadsheet would run as a formula
 * (= + - @ tab, CR) starts with an apostrophe instead (OWASP "CSV injection"); a line
 * break inside a cell is quoted, since csv-stringify only quotes its own delimiter.
 */
const CSV_OPTIONS: Options = { record_delimiter: '\r\n', escape_formulas: true, quoted_match: /[\r\n]/ };

export function csvCell(value: CsvCell, timeZone: string, day = false): string | number {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return day ? localDay(value, timeZone) : localDateTime(value, timeZone);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** CSV text for rows already in hand (a small export, or a test). */
export function csvText<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], timeZone: string, withHeader = true): string {
  const records = rows.map((row) => columns.map((c) => csvCell(c.value(row), timeZone, c.day)));
  return stringify(withHeader ? [columns.map((c) => c.header), ...records] : records, CSV_OPTIONS);
}

async function* chunks<T>(spec: CsvExport<T>): AsyncGenerator<string> {
  yield stringify([spec.columns.map((c) => c.header)], CSV_OPTIONS);
  for await (const batch of spec.batches) {
    if (batch.length === 0) continue;
    await spec.beforeBatch?.(batch);
    yield csvText(spec.columns, batch, spec.timeZone, false);
  }
}

/**
 * A streamed CSV download. The header and the first batch are produced before this
 * resolves, so a refusal or a failed audit write still answers with its error status;
 * after that, rows are read from the database only as fast as the client takes them.
 */
export async function csvStream<T>(spec: CsvExport<T>): Promise<Readable> {
  const source = chunks(spec);
  const ready: string[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await source.next();
    if (next.done) break;
    ready.push(next.value);
  }
  async function* all(): AsyncGenerator<string> {
    yield* ready;
    yield* source;
  }
  return Readable.from(all());
}
