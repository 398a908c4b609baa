/** A titled, collapsible block: the heading holds a button with aria-expanded, so it works by keyboard. */
import { useId, useState, type ReactNode } from "react";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { useTheme } from "@fluentui/react/lib/Theme";

const classes = mergeStyleSets({
  heading: { margin: 0, fontSize: 16, fontWeight: 600 },
  subheading: { margin: 0, fontSize: 14, fontWeight: 600 },
  toggle: {
    display: "flex",
    alignItems: "center",
    gap: 6,
    width: "100%",
    padding: "6px 0",
    border: "none",
    background: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    selectors: { ":focus-visible": { outline: "2px solid currentColor", outlineOffset: 2 } },
  },
  body: { paddingBottom: 8 },
});

export interface SectionProps {
  title: string;
  children: ReactNode;
  /** Collapsible sections start open unless told otherwise. */
  defaultOpen?: boolean;
  /** Nested sections use a smaller heading. */
  level?: 2 | 3;
  collapsible?: boolean;
}

export function Section({
  title,
  children,
  defaultOpen = true,
  level = 2,
  collapsible = true,
}: SectionProps): JSX.Element {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const theme = useTheme();
  const H = level === 2 ? "h2" : "h3";
  const cls = level === 2 ? classes.heading : classes.subheading;
  if (!collapsible) {
    return (
      <section aria-label={title}>
        <H className={cls} style={{ padding: "6px 0" }}>
          {title}
        </H>
        <div className={classes.body}>{children}</div>
      </section>
    );
  }
  return (
    <section aria-label={title}>
      <H className={cls}>
        <button
          type="button"
          className={classes.toggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
          style={{ color: theme.semanticColors.bodyText }}
        >
          <span
            aria-hidden="true"
            style={{
              display: "inline-block",
              width: "1em",
              transform: open ? "rotate(90deg)" : undefined,
            }}
          >
            ›
          </span>
          {title}
        </button>
      </H>
      <div id={bodyId} className={classes.body} hidden={!open}>
        {open ? children : null}
      </div>
    </section>
  );
}
