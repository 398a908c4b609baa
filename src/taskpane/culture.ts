/**
 * The workbook's culture for the pane's own numbers (counts, money, percentages, scores): the
 * discovery reports Excel's cultureInfo; without it, the culture the order dates were read in.
 */
import { createContext, useContext } from "react";
import type { Discovery } from "../engine/contract";
import { DEFAULT_CULTURE } from "./format";

export const PaneCulture = createContext<string>(DEFAULT_CULTURE);

export function usePaneCulture(): string {
  return useContext(PaneCulture);
}

/** The culture the pane writes in, from what the host found: the workbook's, else its dates', else en-GB. */
export function paneCultureOf(discovery: Discovery | undefined): string {
  return discovery?.culture ?? discovery?.summary?.dateCulture ?? DEFAULT_CULTURE;
}
