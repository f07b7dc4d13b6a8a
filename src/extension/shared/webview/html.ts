// What every qcode webview page needs: escaped text, a fresh nonce for its Content-Security-Policy,
// and a page that is set only when it changed.
import type * as vscode from 'vscode';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function nonce(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** The nonce of a page made only to compare it with the page shown. */
export const SAME_PAGE_NONCE = 'same';

/**
 * Sets a webview's page only when it differs from the one shown. Setting it reloads the page, which
 * takes the focus from a quick pick the researcher has open (and closes it) whenever the project
 * reloads, as commands such as Intercoder Agreement… make it do.
 */
export class WebviewPage {
  private shown: string | undefined;

  constructor(private readonly webview: vscode.Webview) {}

  /** `page(nonce)` is the page; `same` is the page as it is compared, when that differs from page(SAME_PAGE_NONCE). */
  show(page: (nonce: string) => string, same = page(SAME_PAGE_NONCE)): void {
    if (same === this.shown) return;
    this.shown = same;
    this.webview.html = page(nonce());
  }
}
