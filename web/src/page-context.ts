/** What the router hands a page when it draws it; pages import this, never the router. */

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** False once the user has navigated elsewhere; pages stop writing then. */
  isCurrent(): boolean;
  setTitle(title: string): void;
}

export interface PageModule { render(root: HTMLElement, ctx: PageContext): Promise<void> }
