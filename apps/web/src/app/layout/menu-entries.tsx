import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n/dictionary';

export interface MenuEntry {
  /** Route path, also the menu key; `menu-<id>` is the data-testid of its link. */
  path: string;
  id: string;
  /** Permission needed to see the entry; none = everyone. */
  permission?: string;
  icon: ReactNode;
  label: MessageKey;
  description: MessageKey;
}

export const menuEntries: MenuEntry[] = [
  { path: '/', id: 'home', icon: <HomeOutlined />, label: 'menu.home', description: 'menu.home.desc' },
  {
    path: '/people',
    id: 'people',
    permission: 'person.read',
    icon: <IdcardOutlined />,
    label: 'menu.people',
    description: 'menu.people.desc',
  },
  {
    path: '/regions',
    id: 'regions',
    permission: 'region.read',
    icon: <ApartmentOutlined />,
    label: 'menu.regions',
    description: 'menu.regions.desc',
  },
  {
    path: '/calendar',
    id: 'calendar',
    permission: 'calendar.read',
    icon: <CalendarOutlined />,
    label: 'menu.calendar',
    description: 'menu.calendar.desc',
  },
  {
    path: '/jobs',
    id: 'jobs',
    permission: 'job.read',
    icon: <ThunderboltOutlined />,
    label: 'menu.jobs',
    description: 'menu.jobs.desc',
  },
  {
    path: '/users',
    id: 'users',
    permission: 'user.manage',
    icon: <TeamOutlined />,
    label: 'menu.users',
    description: 'menu.users.desc',
  },
  {
    path: '/security',
    id: 'security',
    permission: 'security.policy',
    icon: <SafetyCertificateOutlined />,
    label: 'menu.security',
    description: 'menu.security.desc',
  },
  {
    path: '/audit',
    id: 'audit',
    permission: 'audit.read',
    icon: <AuditOutlined />,
    label: 'menu.audit',
    description: 'menu.audit.desc',
  },
];

/** The entries a user with these permissions may see. */
export function visibleEntries(permissions: readonly string[]): MenuEntry[] {
  return menuEntries.filter((e) => !e.permission || permissions.includes(e.permission));
}
