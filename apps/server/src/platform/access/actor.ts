/** Who is acting: a logged-in user, or the system itself (jobs, start-up). */
export interface Actor {
  id: string | null;
  name: string;
  /** The actor's region scope (12- or 15-digit code). */
  scopeCode: string;
  permissions: ReadonlySet<string>;
  roles: readonly string[];
  address: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  id: null,
  name: 'system',
  scopeCode: '000000000000',
  permissions: new Set(),
  roles: [],
  address: null,
};
