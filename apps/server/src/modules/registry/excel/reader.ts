import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';

/** One sheet row: its 1-based number in the sheet and its cells, column A first (0-based). */
export interface SheetRow {
  rowNo: number;
  values: unknown[];
}

export const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

/**
 * Streams the rows of the workbook's first sheet with exceljs' streaming reader, so a 100k-row file is never
 * held as a document model. Date-formatted cells arrive as `Date` (styles are read for that).
 */
export async function* readRows(content: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // exceljs' values are 1-based and sparse.
      const values = (row.values as unknown[]).slice(1);
      yield { rowNo: row.number, values };
    }
    return;
  }
}

/** The first row of the first sheet as text (the headers), or null for an empty or unreadable workbook. */
export async function readHeaderRow(content: Buffer): Promise<string[] | null> {
  try {
    for await (const row of readRows(content)) return row.values.map(cellText);
  } catch {
    return null;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `Date` cell as the calendar date Excel shows (exceljs reads serials as UTC midnight). */
export function dateCellText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A cell as the text the user sees: rich text joined, formula results, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateCellText(v);
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v as string).trim();
}

/**
 * Rows in the first worksheet, counted from the zip without parsing the XML (about a tenth of a full read),
 * so the job can show "n of total" from its first batch. An estimate: empty formatted rows count too.
 */
export async function countSheetRows(content: Buffer): Promise<number | null> {
  const entry = firstWorksheetEntry(content);
  if (!entry) return null;
  const data = content.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const source = Readable.from([data]);
  const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
  const needle = Buffer.from('<row');
  let count = 0;
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    // A match is counted once the character after it has arrived; the last bytes wait for the next chunk.
    for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + 1)) {
      const next = buf[i + needle.length];
      if (next === 0x20 || next === 0x3e) count++;
    }
    tail = buf.subarray(Math.max(0, buf.length - needle.length));
  }
  return count;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** The lowest-numbered xl/worksheets/sheetN.xml, from the zip's central directory. */
function firstWorksheetEntry(zip: Buffer): ZipEntry | null {
  const minEocd = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= minEocd; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let best: { n: number; method: number; size: number; local: number } | null = null;
  for (let e = 0; e < entries && p + 46 <= zip.length; e++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
    if (m && (!best || Number(m[1]) < best.n)) best = { n: Number(m[1]), method, size, local };
    p += 46 + nameLength + extra + comment;
  }
  if (!best || zip.readUInt32LE(best.local) !== 0x04034b50) return null;
  const dataStart = best.local + 30 + zip.readUInt16LE(best.local + 26) + zip.readUInt16LE(best.local + 28);
  return { method: best.method, compressedSize: best.size, dataStart };
}
