/**
 * Encrypted columns of live records, with their blind-index column. Key rotation re-encrypts every registered
 * pair; modules register theirs when loaded (the platform never names them).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  indexColumn: string | null;
}
const columns = new Map<string, EncryptedColumn>();
const IDENT = /^[a-z_][a-z0-9_]*$/;

export function registerEncryptedColumn(table: string, column: string, indexColumn: string | null) {
  for (const i of [table, column, indexColumn ?? 'x'])
    if (!IDENT.test(i)) throw new Error(`bad identifier ${i}`);
  columns.set(`${table}.${column}`, { table, column, indexColumn });
}

export function encryptedColumns(): EncryptedColumn[] {
  return [...columns.values()];
}
