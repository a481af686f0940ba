// Hooks for the session: who is signed in, signing in, signing out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { fetchMe, login, logout, meQueryKey, type User } from '../api/auth';

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside RequireAuth');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => login(username, password),
    onSuccess: (user) => {
      queryClient.removeQueries(); // nothing cached from an earlier session may leak into this one
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Whatever the server said, this browser forgets the session. Leave the shell first so
    // nothing inside it renders without a user.
    onSettled: () => {
      navigate('/login', { replace: true });
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
