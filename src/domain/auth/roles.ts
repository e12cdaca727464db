/** Roles of users. Agency staff: admin, supervisor, analyst; partners: the other two. */
export const ROLES = ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['agency', 'platform', 'bank', 'telco', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Which roles a user of an organization of each kind may hold. */
export const ROLES_BY_ORGANIZATION_KIND: Record<OrganizationKind, readonly Role[]> = {
  agency: ['admin', 'supervisor', 'analyst'],
  platform: ['platform_operator', 'partner_admin'],
  bank: ['partner_admin'],
  telco: ['partner_admin'],
  other: ['partner_admin'],
};
