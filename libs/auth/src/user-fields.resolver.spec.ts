import { Actor, UserRole } from '@referloop/common';
import type { ClinicRepository } from '@referloop/clinics';
import { UserFieldsResolver } from './user-fields.resolver';
import { User, UserStatus } from './user.model';

const CLINIC = '5b0c7a52-1d1e-4c55-9a53-5d0f4f0e0001';
const OTHER_CLINIC = '5b0c7a52-1d1e-4c55-9a53-5d0f4f0e0002';

const user: User = {
  id: 'u-staff',
  email: 'staff@clinic.test',
  displayName: 'Staff',
  role: UserRole.PROVIDER,
  clinicId: CLINIC,
  providerId: null,
  disabled: false,
  status: UserStatus.ACTIVE,
  createdAt: new Date(0),
  twoFactorOn: true,
};

const actor = (userId: string, role: UserRole, clinicId: string | null): Actor => ({ userId, role, clinicId, providerId: null, sessionId: 's', ipAddress: null });

describe('User.twoFactorEnabled', () => {
  const resolver = new UserFieldsResolver({} as ClinicRepository);

  it.each([
    ['the user themselves', actor(user.id, UserRole.PROVIDER, CLINIC), true],
    ["an admin of the user's clinic", actor('u-admin', UserRole.CLINIC_ADMIN, CLINIC), true],
    ['a platform admin', actor('u-platform', UserRole.PLATFORM_ADMIN, null), true],
    ['a colleague who is not an admin', actor('u-colleague', UserRole.COORDINATOR, CLINIC), null],
    ["another clinic's admin (reading a report's author)", actor('u-other-admin', UserRole.CLINIC_ADMIN, OTHER_CLINIC), null],
    ['nobody signed in (a sign-in answer)', null, null],
  ])('to %s', (_who, viewer, shown) => {
    expect(resolver.twoFactorEnabled(user, viewer)).toBe(shown);
  });
});
