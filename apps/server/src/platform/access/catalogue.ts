/**
 * Built-in roles and their permissions. They are synchronised into the role tables at start-up, so the
 * database is what access checks read; modules add their permissions to business roles as they arrive.
 */
export interface RoleDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  adminKind: 'system' | 'security' | 'audit' | null;
  permissions: string[];
}

const BUSINESS_BASE = ['region.read', 'calendar.read', 'job.read'];

export const BUILT_IN_ROLES: RoleDefinition[] = [
  {
    code: 'sysadmin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    adminKind: 'system',
    permissions: [
      'user.read',
      'user.manage',
      'role.read',
      'region.read',
      'region.manage',
      'calendar.read',
      'calendar.manage',
      'job.read',
    ],
  },
  {
    code: 'secadmin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    adminKind: 'security',
    permissions: ['security.policy', 'security.unlock', 'security.sessions', 'job.read'],
  },
  {
    code: 'auditadmin',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    adminKind: 'audit',
    permissions: ['audit.read', 'job.read'],
  },
  {
    code: 'city_staff',
    nameZh: '市局工作人员',
    nameEn: 'City bureau staff',
    adminKind: null,
    permissions: BUSINESS_BASE,
  },
  {
    code: 'county_staff',
    nameZh: '县区民政工作人员',
    nameEn: 'County staff',
    adminKind: null,
    permissions: BUSINESS_BASE,
  },
  {
    code: 'township_staff',
    nameZh: '乡镇（街道）工作人员',
    nameEn: 'Township staff',
    adminKind: null,
    permissions: BUSINESS_BASE,
  },
  {
    code: 'village_worker',
    nameZh: '村（社区）工作人员',
    nameEn: 'Village / community worker',
    adminKind: null,
    permissions: BUSINESS_BASE,
  },
];

/** Business permissions a module grants to business roles (role code → permissions). */
const extraGrants = new Map<string, Set<string>>();
export function grantPermissions(roleCode: string, permissions: string[]) {
  const set = extraGrants.get(roleCode) ?? new Set<string>();
  for (const p of permissions) set.add(p);
  extraGrants.set(roleCode, set);
}

export function roleDefinitions(): RoleDefinition[] {
  return BUILT_IN_ROLES.map((r) => ({
    ...r,
    permissions: [...new Set([...r.permissions, ...(extraGrants.get(r.code) ?? [])])],
  }));
}
