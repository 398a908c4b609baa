/**
 * Saves a file the host made (base64) through the browser's download: the QBR workbook Excel on
 * the web cannot open from an add-in. Made in the pane, sent nowhere (no network request).
 * Excel on the web's add-in frame allows downloads (office-js #1221, fixed 2020).
 */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadFile(file: { fileName: string; base64: string }, doc = document): void {
  const text = atob(file.base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = file.fileName;
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has the file once the click is handled; the URL is let go a little later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
