/**
 * Before a team workspace's pages: who is signed in. Nobody yet, the sign-in page; a local
 * workspace file (no sign-in), straight through.
 */
import { useEffect, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SkeletonBlock } from '../../components/Skeleton';
import { useAuth } from '../../stores/auth';
import { SignInPage } from './SignInPage';
import { PasswordDuePage } from '../account/PasswordDuePage';

export function AuthGate({ children }: { children: ReactNode }) {
  const state = useAuth((s) => s.state);
  const error = useAuth((s) => s.error);
  const load = useAuth((s) => s.load);
  useEffect(() => void load(), [load]);
  // A password an admin reset: the user chooses their own before any page.
  if (state?.user?.mustChangePassword) return <PasswordDuePage />;
  if (state && (!state.required || state.user)) return <>{children}</>;
  if (state) return <SignInPage />;
  return (
    <div className="app app--no-sidebar">
      <main className="content">
        {error ? (
          <ErrorMessage error={error} onRetry={() => void load()} />
        ) : (
          <SkeletonBlock lines={6} lineHeight={20} />
        )}
      </main>
    </div>
  );
}
