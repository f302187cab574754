/** Saves `text` as a file named `fileName` through a temporary object URL. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the URL when the download starts; revoke it once that has happened.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
