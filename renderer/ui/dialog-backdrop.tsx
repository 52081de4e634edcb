import type { ReactNode } from 'react';

/**
 * The dim layer behind a dialog. Radix's own Dialog.Overlay locks page scroll
 * by injecting a <style> element, which our CSP (`style-src 'self'`) blocks
 * and reports; a plain element gives the same look without it. Focus
 * trapping and hiding the rest of the page from assistive technology still
 * come from Dialog.Content.
 */
export function DialogBackdrop(): ReactNode {
  return <div className="dialog-overlay" aria-hidden="true" />;
}
