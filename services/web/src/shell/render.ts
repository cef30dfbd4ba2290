import { render } from 'preact-render-to-string';

/** A full HTML document from a page's VNode (preact-render-to-string escapes every text and attribute). */
export function renderDocument(page: Parameters<typeof render>[0]): string {
  return `<!doctype html>${render(page)}`;
}

/** A fragment (htmx swaps). */
export function renderFragment(node: Parameters<typeof render>[0]): string {
  return render(node);
}
