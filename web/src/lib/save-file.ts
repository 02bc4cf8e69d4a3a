/**
 * Hands a file to the browser's download. Files come through fetch or GraphQL (the access
 * token lives only in memory, so a plain link could not carry it); the object URL is
 * released once the download has had time to start.
 */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
