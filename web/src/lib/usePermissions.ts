// What the signed-in user may do, from the permissions GET /auth/me answered.
import { useCurrentUser } from '../auth/useAuth';
import { hasAnyPermission, hasPermission } from '../api/auth';

export function usePermissions() {
  const user = useCurrentUser();
  return {
    user,
    can: (permission: string) => hasPermission(user, permission),
    canAny: (permissions: readonly string[]) => hasAnyPermission(user, permissions),
  };
}
