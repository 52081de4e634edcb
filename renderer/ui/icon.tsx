import type { ReactNode } from 'react';

/** 16×16 symbolic icons drawn with the current text colour, in the spirit of GNOME's. */
const paths = {
  app: 'M8 1.5l6 3-6 3-6-3z M2 8l6 3 6-3 M2 11.5l6 3 6-3',
  refresh: 'M13.5 8A5.5 5.5 0 1 1 11.9 4.1 M12.5 1.5v3h-3',
  copy: 'M6.5 5.5h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-6a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1z M10.5 5.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2',
  check: 'M3 8.5l3.2 3L13 4.5',
  pin: 'M5.5 1.5h5 M6.5 1.5v4L4 9h8L9.5 5.5v-4 M8 9v5.5',
  warning: 'M8 1.8l6.6 11.7H1.4z M8 6v3.5 M8 11.6v.1',
  info: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z M8 7v4.5 M8 4.7v.1',
  error: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z M5.8 5.8l4.4 4.4 M10.2 5.8l-4.4 4.4',
  sandbox:
    'M5.5 1.5h5 M6.5 1.5v4.5L2.6 12.8a1.2 1.2 0 0 0 1 1.7h8.8a1.2 1.2 0 0 0 1-1.7L9.5 6V1.5 M4.3 10h7.4',
  disconnected:
    'M2 14L14 2 M4.5 11.5l-1 1 M6 6.5L4.5 8a2.5 2.5 0 0 0 3.5 3.5l1.5-1.5 M10 9.5L11.5 8a2.5 2.5 0 0 0-3.5-3.5L6.5 6 M11.5 4.5l1-1',
  computer:
    'M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z M5.5 14.5h5 M8 11.5v3',
  package: 'M8 1.5l6 3v7l-6 3-6-3v-7z M2 4.5l6 3 6-3 M8 7.5v7',
  clock: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z M8 4.5V8l2.5 1.5',
} as const;

export type IconName = keyof typeof paths;

/** A decorative icon: hidden from screen readers, so the text beside it must say what it means. */
export function Icon(props: { readonly name: IconName; readonly className?: string }): ReactNode {
  return (
    <svg
      className={props.className ? `icon ${props.className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[props.name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
