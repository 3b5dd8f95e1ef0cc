import { useEffect } from 'react';

/**
 * A dialog that is removed when it closes (rather than hidden) gives the focus back to what had
 * it when the dialog opened, usually the button that opened it: a keyboard user carries on where
 * they were instead of at the top of the page. Mantine does this only for a modal it hides itself.
 */
export function useReturnFocus(): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) requestAnimationFrame(() => opener.focus());
    };
  }, []);
}
