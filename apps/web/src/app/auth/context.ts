import { createContext } from 'react';
import type { LoginResponse, SessionUser } from '../api/types';

export type SessionEndReason = 'expired' | 'ended';

export interface AuthValue {
  /** null when nobody is logged in. */
  user: SessionUser | null;
  /** The first /auth/me is still on its way. */
  loading: boolean;
  /**
   * Why the last session ended without a logout: it timed out (HTTP_SESSION_EXPIRED), or the server stopped
   * knowing it (HTTP_UNAUTHENTICATED while logged in, e.g. revoked by the security administrator).
   */
  endReason: SessionEndReason | null;
  signedIn: (response: LoginResponse) => void;
  signOut: () => Promise<void>;
  /** Re-reads /auth/me (after a password change). */
  refresh: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);
