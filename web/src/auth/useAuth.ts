// Hooks for the session: who is signed in, signing in, signing out.
import { createContext, useContext } from 'react';
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

/** The user RequireAuth let in, given to everything it renders. */
export const CurrentUserContext = createContext<User | null>(null);

/**
 * The signed-in user; only for components rendered inside RequireAuth. It is the user RequireAuth
 * checked, not a fresh read of the query cache: sign-out empties the cache while the shell is still
 * mounted (the navigation to /login is a transition), and what the shell renders until that
 * navigation commits still needs its user.
 */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
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
    // Whatever the server said, this browser forgets the session. The shell stays mounted until
    // the navigation (a transition) commits, and may render again meanwhile: useCurrentUser keeps
    // giving it the user RequireAuth let in, so the cache can be emptied at once.
    onSettled: () => {
      navigate('/login', { replace: true });
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
