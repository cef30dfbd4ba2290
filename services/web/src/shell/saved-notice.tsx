import type { ComponentChildren } from 'preact';

/** The confirmation after a step that worked, announced politely (role=status) at the top of the page it led to. */
export function SavedNotice({ children }: { children: ComponentChildren }) {
  return (
    <p class="alert alert-ok" role="status" data-testid="saved">
      {children}
    </p>
  );
}
