import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file shipped with the server (reference data, migrations) whether the code runs from `src/`
 * (tests) or from the bundle in `dist/`.
 */
export function assetPath(relative: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`shipped file not found: ${relative}`);
}

/** Reads a simple CSV (no quoted commas) into objects keyed by the header row. */
export function readCsv(relative: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(assetPath(relative), 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}
