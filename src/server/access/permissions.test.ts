import { describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../templates/service.js';
import { mayTick, projectPermissions } from './permissions.js';

const template = readDefaultTemplateFile().content;
const project = { customerId: 'kommun-a' };
const customerOf = (customerId: string | null) => ({ role: 'customer' as const, customerId });

describe('project permissions', () => {
  it('gives the vendor admin everything but the orderer’s approval', () => {
    expect(projectPermissions({ role: 'vendor_admin', customerId: null }, project, [], template)).toEqual({
      read: true,
      edit: true,
      approve: false,
      tickRoles: 'all',
    });
  });

  it('lets the plan writers edit and the Beställare approve', () => {
    for (const role of ['bestallare', 'projektledare', 'projektgrupp']) {
      expect(projectPermissions(customerOf('kommun-a'), project, [role], template).edit).toBe(true);
    }
    expect(projectPermissions(customerOf('kommun-a'), project, ['bestallare'], template).approve).toBe(true);
    expect(projectPermissions(customerOf('kommun-a'), project, ['projektledare'], template).approve).toBe(false);
  });

  it('lets other role holders read and tick only the activities of their roles', () => {
    const permissions = projectPermissions(customerOf('kommun-a'), project, ['it', 'kontaktperson'], template);
    expect(permissions).toMatchObject({ read: true, edit: false, approve: false });
    expect(mayTick(permissions, { customerRoleKeys: ['it'], vendorRoleKeys: [] })).toBe(true);
    expect(mayTick(permissions, { customerRoleKeys: ['bestallare'], vendorRoleKeys: ['leveransansvarig'] })).toBe(
      false,
    );
  });

  it('gives nothing to a person of another customer, whatever roles they name, or to one without a role', () => {
    expect(projectPermissions(customerOf('kommun-b'), project, ['bestallare'], template).read).toBe(false);
    expect(projectPermissions(customerOf('kommun-a'), project, [], template).read).toBe(false);
    expect(projectPermissions(customerOf('kommun-a'), project, ['projektstodjare'], template).read).toBe(false);
  });

  it('lets vendor staff with a vendor role tick that role’s activities, and nothing without one', () => {
    const staff = { role: 'vendor_staff' as const, customerId: null };
    const supporter = projectPermissions(staff, project, ['projektstodjare'], template);
    expect(supporter).toMatchObject({ read: true, edit: false });
    expect(mayTick(supporter, { customerRoleKeys: [], vendorRoleKeys: ['projektstodjare'] })).toBe(true);
    expect(mayTick(supporter, { customerRoleKeys: ['bestallare'], vendorRoleKeys: [] })).toBe(false);
    expect(projectPermissions(staff, project, [], template).read).toBe(false);
    expect(projectPermissions(staff, project, ['bestallare'], template).read).toBe(false);
  });
});
