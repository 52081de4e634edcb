import { useRef } from 'react';

/**
 * Focus handlers for a Radix Dialog opened without a Dialog.Trigger (its
 * `open` is controlled): remember what had focus when it opened and give
 * focus back there when it closes, as Radix does for its own trigger.
 */
export function useReturnFocus(): {
  readonly onOpenAutoFocus: () => void;
  readonly onCloseAutoFocus: (event: Event) => void;
} {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus() {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus(event) {
      const target = opener.current;
      opener.current = null;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}
