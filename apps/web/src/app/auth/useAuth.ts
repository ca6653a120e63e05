import { useContext } from 'react';
import type { SessionUser } from '../api/types';
import { AuthContext, type AuthValue } from './context';

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The logged-in user; only for components rendered behind <RequireAuth>. */
export function useSessionUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useSessionUser without a session');
  return user;
}

/** `const can = useCan(); can('user.manage')`. */
export function useCan(): (permission: string) => boolean {
  const { user } = useAuth();
  return (permission) => user?.permissions.includes(permission) ?? false;
}
