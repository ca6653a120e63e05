/**
 * Signals from the API layer to the session: the server said the session is gone (401) or that the initial
 * password must be changed first (403). The AuthProvider listens and the routes follow.
 */
export type AuthSignal = { kind: 'lost'; code: string } | { kind: 'password-change-required' };

type Listener = (signal: AuthSignal) => void;

const listeners = new Set<Listener>();

export function onAuthSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitAuthSignal(signal: AuthSignal): void {
  for (const listener of listeners) listener(signal);
}
