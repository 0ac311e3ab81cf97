import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type AccessChangeStatus,
  AccessChangePage,
  AccessChangeView,
  AdminUserPage,
  AdminUserView,
  type DeskInput,
  type DeskUpdate,
  type OrganisationInput,
  type OrganisationUpdate,
  type SharingGroupInput,
  type SharingGroupUpdate,
  type UserCreateInput,
  type UserListQuery,
  type UserUpdateInput,
  UserWithPassword,
} from '../../../contract/admin';
import {
  DeskList,
  DeskView,
  EconomyList,
  type OrganisationListQuery,
  OrganisationPage,
  OrganisationView,
  SharingGroupList,
  SharingGroupView,
} from '../../../contract/directory';
import { api } from '../../api/client';

type UserFilters = Omit<Partial<UserListQuery>, 'page' | 'pageSize'>;
type OrganisationFilters = Omit<Partial<OrganisationListQuery>, 'page' | 'pageSize'>;

export const adminKeys = {
  all: ['admin'] as const,
  economies: ['directory', 'economies'] as const,
  organisations: (filters: OrganisationFilters, page: number, pageSize: number) => ['directory', 'organisations', filters, page, pageSize] as const,
  organisationsAll: ['directory', 'organisations'] as const,
  desks: ['directory', 'desks'] as const,
  sharingGroups: ['directory', 'sharing-groups'] as const,
  users: (filters: UserFilters, page: number, pageSize: number) => ['admin', 'users', filters, page, pageSize] as const,
  usersAll: ['admin', 'users'] as const,
  accessChanges: (status: AccessChangeStatus, page: number) => ['admin', 'access-changes', status, page] as const,
  accessChangesAll: ['admin', 'access-changes'] as const,
};

/** A write whose widening part waits for a second administrator answers with the waiting change. */
const OrWaiting = <T extends z.ZodType>(applied: T) => z.union([AccessChangeView, applied]);

const NoContent = z.undefined();

export function useEconomies() {
  return useQuery({ queryKey: adminKeys.economies, queryFn: ({ signal }) => api(EconomyList, '/api/directory/economies', { signal }), staleTime: 600_000 });
}

export function useOrganisations(filters: OrganisationFilters, page: number, pageSize = 25) {
  return useQuery({
    queryKey: adminKeys.organisations(filters, page, pageSize),
    queryFn: ({ signal }) => api(OrganisationPage, '/api/directory/organisations', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDesks() {
  return useQuery({ queryKey: adminKeys.desks, queryFn: ({ signal }) => api(DeskList, '/api/directory/desks', { signal }) });
}

export function useSharingGroups() {
  return useQuery({ queryKey: adminKeys.sharingGroups, queryFn: ({ signal }) => api(SharingGroupList, '/api/directory/sharing-groups', { signal }) });
}

export function useUsers(filters: UserFilters, page: number, pageSize = 25) {
  return useQuery({
    queryKey: adminKeys.users(filters, page, pageSize),
    queryFn: ({ signal }) => api(AdminUserPage, '/api/admin/users', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A mutation that refreshes the given lists when it succeeds. */
function useAdminMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, invalidate: readonly (readonly string[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

const organisationLists = [adminKeys.organisationsAll, adminKeys.sharingGroups, adminKeys.usersAll, adminKeys.accessChangesAll];
export const useCreateOrganisation = () =>
  useAdminMutation((body: OrganisationInput) => api(OrganisationView, '/api/admin/organisations', { method: 'POST', body }), organisationLists);
export const useUpdateOrganisation = () =>
  useAdminMutation(
    ({ id, body }: { id: string; body: OrganisationUpdate }) => api(OrWaiting(OrganisationView), `/api/admin/organisations/${id}`, { method: 'PATCH', body }),
    organisationLists,
  );
export const useDeleteOrganisation = () =>
  useAdminMutation((id: string) => api(NoContent, `/api/admin/organisations/${id}`, { method: 'DELETE' }), organisationLists);

const userLists = [adminKeys.usersAll, adminKeys.desks, adminKeys.accessChangesAll];
export const useCreateUser = () => useAdminMutation((body: UserCreateInput) => api(UserWithPassword, '/api/admin/users', { method: 'POST', body }), userLists);
export const useUpdateUser = () =>
  useAdminMutation(({ id, body }: { id: string; body: UserUpdateInput }) => api(OrWaiting(AdminUserView), `/api/admin/users/${id}`, { method: 'PATCH', body }), userLists);
export const useUnlockUser = () => useAdminMutation((id: string) => api(AdminUserView, `/api/admin/users/${id}/unlock`, { method: 'POST' }), userLists);
export const useSetUserDisabled = () =>
  useAdminMutation(
    ({ id, disabled }: { id: string; disabled: boolean }) => api(AdminUserView, `/api/admin/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' }),
    userLists,
  );
export const useResetCredentials = () =>
  useAdminMutation((id: string) => api(UserWithPassword, `/api/admin/users/${id}/reset-credentials`, { method: 'POST' }), userLists);

const deskLists = [adminKeys.desks, adminKeys.usersAll, adminKeys.accessChangesAll];
export const useCreateDesk = () => useAdminMutation((body: DeskInput) => api(DeskView, '/api/admin/desks', { method: 'POST', body }), deskLists);
export const useUpdateDesk = () =>
  useAdminMutation(({ id, body }: { id: string; body: DeskUpdate }) => api(DeskView, `/api/admin/desks/${id}`, { method: 'PATCH', body }), deskLists);
export const useDeleteDesk = () => useAdminMutation((id: string) => api(NoContent, `/api/admin/desks/${id}`, { method: 'DELETE' }), deskLists);
export const useAddDeskMember = () =>
  useAdminMutation(({ deskId, userId }: { deskId: string; userId: string }) => api(AccessChangeView, `/api/admin/desks/${deskId}/members`, { method: 'POST', body: { userId } }), deskLists);
export const useRemoveDeskMember = () =>
  useAdminMutation(({ deskId, userId }: { deskId: string; userId: string }) => api(DeskView, `/api/admin/desks/${deskId}/members/${userId}`, { method: 'DELETE' }), deskLists);

export const useCreateSharingGroup = () =>
  useAdminMutation((body: SharingGroupInput) => api(SharingGroupView, '/api/admin/sharing-groups', { method: 'POST', body }), [adminKeys.sharingGroups]);
export const useUpdateSharingGroup = () =>
  useAdminMutation(
    ({ id, body }: { id: string; body: SharingGroupUpdate }) => api(OrWaiting(SharingGroupView), `/api/admin/sharing-groups/${id}`, { method: 'PATCH', body }),
    [adminKeys.sharingGroups, adminKeys.accessChangesAll],
  );
export const useDeleteSharingGroup = () =>
  useAdminMutation((id: string) => api(NoContent, `/api/admin/sharing-groups/${id}`, { method: 'DELETE' }), [adminKeys.sharingGroups]);

export function useAccessChanges(status: AccessChangeStatus, page: number, pageSize = 25) {
  return useQuery({
    queryKey: adminKeys.accessChanges(status, page),
    queryFn: ({ signal }) => api(AccessChangePage, '/api/admin/access-changes', { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A decision changes what the other lists show, so they all refresh. */
const decisionLists = [adminKeys.accessChangesAll, adminKeys.usersAll, adminKeys.organisationsAll, adminKeys.desks, adminKeys.sharingGroups];
export const useApproveChange = () =>
  useAdminMutation((id: string) => api(AccessChangeView, `/api/admin/access-changes/${id}/approve`, { method: 'POST' }), decisionLists);
export const useRejectChange = () =>
  useAdminMutation(
    ({ id, reason }: { id: string; reason: string }) => api(AccessChangeView, `/api/admin/access-changes/${id}/reject`, { method: 'POST', body: { reason } }),
    decisionLists,
  );
