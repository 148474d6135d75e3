/**
 * Saves what the API produced as a file the user keeps: a Blob behind an `<a download>`. Works in
 * browser mode and in the Electron renderer alike (Electron shows its save dialog).
 */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give it a moment before freeing the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text (a CSV, a scorecard's JSON). */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** A file the API sent as base64 (a workbook, a zip, a PDF). */
export function saveBase64File(fileName: string, base64: string, mime: string): void {
  saveBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime }));
}
