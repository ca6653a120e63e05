/**
 * Columns that hold a region code on live records. A division change re-codes every registered column in
 * its transaction. The platform registers its own; each module registers its tables when it is loaded.
 * History (audit rows, workflow transitions) is never re-coded.
 */
const registry = new Map<string, { table: string; column: string }>();
const IDENT = /^[a-z_][a-z0-9_]*$/;

export function registerRegionColumn(table: string, column: string) {
  if (!IDENT.test(table) || !IDENT.test(column)) throw new Error(`bad identifier ${table}.${column}`);
  registry.set(`${table}.${column}`, { table, column });
}

export function regionColumns() {
  return [...registry.values()];
}

registerRegionColumn('user_account', 'scope_code');
registerRegionColumn('workflow_instance', 'region_code');
registerRegionColumn('job', 'region_code');
