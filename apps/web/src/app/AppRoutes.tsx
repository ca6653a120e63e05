import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { HomePage } from './home/HomePage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Feature pages load on first visit, keeping the first download small.
const RegionsPage = lazy(() =>
  import('../features/regions/RegionsPage').then((m) => ({ default: m.RegionsPage })),
);
const CalendarPage = lazy(() =>
  import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })),
);
const JobsPage = lazy(() => import('../features/jobs/JobsPage').then((m) => ({ default: m.JobsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const SecurityPage = lazy(() =>
  import('../features/security/SecurityPage').then((m) => ({ default: m.SecurityPage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const PeoplePage = lazy(() =>
  import('../features/registry/PeoplePage').then((m) => ({ default: m.PeoplePage })),
);
const PersonPage = lazy(() =>
  import('../features/registry/PersonPage').then((m) => ({ default: m.PersonPage })),
);
const HouseholdPage = lazy(() =>
  import('../features/registry/HouseholdPage').then((m) => ({ default: m.HouseholdPage })),
);
const DuplicatesPage = lazy(() =>
  import('../features/registry/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })),
);

const guarded = (permission: string, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/**
 * /login · / · /change-password · /people · /people/duplicates · /people/:id · /households/:id · /regions ·
 * /calendar · /jobs · /users · /security · /audit
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="change-password" element={<ChangePasswordPage />} />
          <Route path="people" element={guarded('person.read', <PeoplePage />)} />
          <Route path="people/duplicates" element={guarded('person.merge', <DuplicatesPage />)} />
          <Route path="people/:id" element={guarded('person.read', <PersonPage />)} />
          <Route path="households/:id" element={guarded('person.read', <HouseholdPage />)} />
          <Route path="regions" element={guarded('region.read', <RegionsPage />)} />
          <Route path="calendar" element={guarded('calendar.read', <CalendarPage />)} />
          <Route path="jobs" element={guarded('job.read', <JobsPage />)} />
          <Route path="users" element={guarded('user.manage', <UsersPage />)} />
          <Route path="security" element={guarded('security.policy', <SecurityPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
