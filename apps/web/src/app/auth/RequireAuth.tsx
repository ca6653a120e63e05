import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './useAuth';

const changePasswordPath = '/change-password';

/** Sends visitors without a session to /login, and users with an initial password to /change-password. */
export function RequireAuth() {
  const { user, loading } = useAuth();
  const location = useLocation();

  if (loading) return <Spin size="large" className="mz-page-spin" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== changePasswordPath)
    return <Navigate to={changePasswordPath} replace />;
  return <Outlet />;
}
