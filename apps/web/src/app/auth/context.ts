import { createContext } from 'react';
import type { LoginResponse, SessionUser } from '../api/types';

export interface AuthValue {
  /** null when nobody is logged in. */
  user: SessionUser | null;
  /** The first /auth/me is still on its way. */
  loading: boolean;
  /** The last session ended because it timed out (HTTP_SESSION_EXPIRED). */
  expired: boolean;
  signedIn: (response: LoginResponse) => void;
  signOut: () => Promise<void>;
  /** Re-reads /auth/me (after a password change). */
  refresh: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);
