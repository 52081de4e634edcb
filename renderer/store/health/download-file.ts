/** A file the app offers the user, as the browser downloads it. */
export interface DownloadableFile {
  readonly fileName: string;
  readonly content: string;
}

/**
 * The few DOM members the download uses, typed here so that code importing
 * the store under Node's types (the bridge's tests) still compiles.
 */
interface AnchorLike {
  href: string;
  download: string;
  rel: string;
  hidden: boolean;
  click(): void;
  remove(): void;
}
export interface DocumentLike {
  createElement(tag: 'a'): AnchorLike;
  readonly body: { append(node: AnchorLike): void };
}

/**
 * Web mode's save: a Blob behind a temporary `<a download>`, clicked. The
 * browser then saves it or asks where, as it does for any download.
 */
export function downloadFile(
  file: DownloadableFile,
  doc: DocumentLike = (globalThis as unknown as { document: DocumentLike }).document,
): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: 'application/json' }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The click has started the download; the URL may go once it has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
