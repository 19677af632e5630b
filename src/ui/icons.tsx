import type { ComponentChildren } from 'preact';

/** Small line icons drawn on one 24-unit grid, so the header and rows share stroke weight and optical size. */
const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } as const;

function Icon({ size = 18, children }: { size?: number; children: ComponentChildren }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** "Add an account". */
export const IconPlus = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" {...STROKE} />
  </Icon>
);

/** "Back to the list". */
export const IconBack = () => (
  <Icon>
    <path d="M19 12H5M11 6l-6 6 6 6" {...STROKE} />
  </Icon>
);

/** "Lock now" and the locked screen. */
export const IconLock = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="5" y="11" width="14" height="10" rx="2" {...STROKE} />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" {...STROKE} />
  </Icon>
);

/** "Settings, import and export": sliders, which read as settings without a detailed gear at this size. */
export const IconSettings = () => (
  <Icon>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" {...STROKE} />
    <circle cx="15" cy="7" r="2" {...STROKE} />
    <circle cx="9" cy="17" r="2" {...STROKE} />
  </Icon>
);

/** "Edit this account". */
export const IconEdit = () => (
  <Icon size={16}>
    <path d="M16.5 3.5l4 4L8 20H4v-4z" {...STROKE} />
  </Icon>
);
