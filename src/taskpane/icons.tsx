/**
 * The few icons Fluent's components ask for, as inline SVG. initializeIcons() would fetch an
 * icon font from a CDN, which KAP must not do.
 */
import { registerIcons } from "@fluentui/react/lib/Styling";

function svg(path: string, viewBox = "0 0 16 16"): JSX.Element {
  return (
    <svg
      viewBox={viewBox}
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: "middle" }}
    >
      <path d={path} fill="currentColor" />
    </svg>
  );
}

const chevronDown = svg("M2.2 5.2 8 11l5.8-5.8-.9-.9L8 9.2 3.1 4.3z");
const chevronUp = svg("M2.2 10.8 8 5l5.8 5.8-.9.9L8 6.8l-4.9 4.9z");
const info = svg(
  "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm.75 10.5h-1.5V7h1.5zM8 5.9a.9.9 0 1 1 0-1.8.9.9 0 0 1 0 1.8z"
);
const error = svg(
  "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm2.8 8.7-1.1 1.1L8 9.1l-1.7 1.7-1.1-1.1L6.9 8 5.2 6.3l1.1-1.1L8 6.9l1.7-1.7 1.1 1.1L9.1 8z"
);
const warning = svg("M8 1 .5 14.5h15zm.75 11h-1.5V10h1.5zm0-3h-1.5V5.5h1.5z");
const done = svg("M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1 10.4L3.8 8.2l1-1L7 9.3l4.2-4.2 1 1z");
const calendar = svg(
  "M2 2.5h2V1h1v1.5h6V1h1v1.5h2v12H2zm1 3v8h10v-8zm1.5 1.5h2v2h-2zm3 0h2v2h-2zm3 0h1.5v2H10.5zm-6 3h2v2h-2zm3 0h2v2h-2z"
);
const arrowUp = svg("M8 2.3 3 7.3l.7.7L7.5 4.2V14h1V4.2L12.3 8l.7-.7z");
const arrowDown = svg("M8 13.7l5-5-.7-.7-3.8 3.8V2h-1v9.8L3.7 8l-.7.7z");
const checkMark = svg("M6 11.6 2.4 8l1-1L6 9.6l6.6-6.6 1 1z");
const clear = svg(
  "M3.5 2.4 8 6.9l4.5-4.5 1.1 1.1L9.1 8l4.5 4.5-1.1 1.1L8 9.1l-4.5 4.5-1.1-1.1L6.9 8 2.4 3.5z"
);

registerIcons({
  icons: {
    ChevronDown: chevronDown,
    ChevronDownSmall: chevronDown,
    ChevronUpSmall: chevronUp,
    DoubleChevronDown: chevronDown,
    DoubleChevronUp: chevronUp,
    Info: info,
    ErrorBadge: error,
    Blocked2: error,
    Warning: warning,
    Completed: done,
    // a ticked Checkbox
    CheckMark: checkMark,
    Clear: clear,
    Cancel: clear,
    // the as-of date's calendar: open it, previous and next month
    Calendar: calendar,
    Up: arrowUp,
    Down: arrowDown,
  },
});

/** Severity glyphs for alerts: a shape as well as a colour, and a text label beside it. */
export const SEVERITY_ICON = { Critical: error, Warning: warning, Opportunity: info } as const;
