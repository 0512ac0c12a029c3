/** One page of the browser check: plain or cross-origin-isolated, what it reported, and whether that is right. */
export interface BrowserPage {
  isolated: boolean;
  result: Record<string, unknown>;
  ok: boolean;
}
/** Loads the built package in headless Chromium, on a plain and a cross-origin-isolated page. */
export function checkInBrowser(): Promise<BrowserPage[]>;
