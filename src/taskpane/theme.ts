/** A Fluent theme that follows Office's theme (light, dark, colourful), else Fluent's default light theme. */
import { createTheme, type PartialTheme, type Theme } from "@fluentui/react/lib/Theme";

export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Office.context.officeTheme when the host gives one (Office on the web and older hosts may not). */
export function readOfficeTheme(): OfficeThemeColours | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return (Office.context?.officeTheme as OfficeThemeColours | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

const hex = /^#?[0-9a-f]{6}$/i;
const norm = (c: string | undefined): string | undefined =>
  c && hex.test(c) ? (c.startsWith("#") ? c : `#${c}`) : undefined;

/** Perceived lightness 0–1, to tell a dark Office theme from a light one when isDarkTheme is absent. */
function lightness(c: string): number {
  const n = parseInt(c.slice(1), 16);
  return (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}

export function kapTheme(office: OfficeThemeColours | undefined = readOfficeTheme()): Theme {
  const bg = norm(office?.bodyBackgroundColor);
  const fg = norm(office?.bodyForegroundColor);
  if (!bg || !fg) return createTheme({});
  const dark = office?.isDarkTheme ?? lightness(bg) < 0.5;
  const controlBg = norm(office?.controlBackgroundColor) ?? bg;
  const controlFg = norm(office?.controlForegroundColor) ?? fg;
  const partial: PartialTheme = {
    isInverted: dark,
    palette: dark
      ? {
          themePrimary: "#479ef5",
          themeDarkAlt: "#62abf5",
          themeDark: "#96c6fa",
          themeLighter: "#0e3a63",
          themeLighterAlt: "#0a2744",
          neutralPrimary: fg,
          neutralDark: fg,
          neutralSecondary: "#c8c8c8",
          neutralTertiary: "#a6a6a6",
          neutralQuaternary: "#5c5c5c",
          neutralLight: "#3b3b3b",
          neutralLighter: "#2e2e2e",
          neutralLighterAlt: "#262626",
          black: fg,
          white: bg,
        }
      : { neutralPrimary: fg, black: fg, white: bg },
    semanticColors: {
      bodyBackground: bg,
      bodyText: fg,
      inputBackground: controlBg,
      inputText: controlFg,
      buttonBackground: controlBg,
      buttonText: controlFg,
      menuBackground: controlBg,
      menuItemText: controlFg,
    },
  };
  return createTheme(partial);
}
