/** Saves text as a file through a Blob URL and a temporary `<a download>`; nothing leaves the computer. */
export function downloadText(text: string, filename: string, type = 'application/json', doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
