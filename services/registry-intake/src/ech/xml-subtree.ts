/**
 * A minimal element tree for one event or one person of a delivery, built while streaming and dropped once read.
 * Elements are identified by namespace URI and local name only; prefixes are gone by the time a node exists.
 */
export interface XNode {
  ns: string;
  local: string;
  /** Concatenated character data directly inside the element (not trimmed). */
  text: string;
  children: XNode[];
  /** `xsi:nil="true"` (eCH-0011 `residencePermit` is nillable). */
  nil: boolean;
  /** Line of the start tag in the delivery, for the delivery log. */
  line: number;
}

export function child(node: XNode | undefined, ns: string, local: string): XNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.local === local && c.ns === ns) return c;
  return undefined;
}

export function childrenNamed(node: XNode | undefined, ns: string, local: string): XNode[] {
  return node ? node.children.filter((c) => c.local === local && c.ns === ns) : [];
}

/** Trimmed text of a child element, undefined when absent or empty. */
export function textOf(node: XNode | undefined, ns: string, local: string): string | undefined {
  const c = child(node, ns, local);
  const t = c?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

export function intOf(node: XNode | undefined, ns: string, local: string): number | undefined {
  const t = textOf(node, ns, local);
  if (t === undefined || !/^[+-]?\d+$/.test(t)) return undefined;
  return Number(t);
}

/** The first child that is one of the given local names in `ns`: reads an xs:choice. */
export function choiceOf(node: XNode | undefined, ns: string, locals: readonly string[]): XNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.ns === ns && locals.includes(c.local)) return c;
  return undefined;
}

/**
 * Builds XNodes from saxes events. Subtrees named in `skip` (vendor `extension` content, header attachments) are
 * not built at all: their content is ignored and costs no memory.
 */
export class SubtreeBuilder {
  private readonly stack: XNode[] = [];
  private skipping = 0;

  constructor(private readonly skip: (ns: string, local: string) => boolean) {}

  get active(): boolean {
    return this.stack.length > 0 || this.skipping > 0;
  }

  start(ns: string, local: string, nil: boolean, line: number): void {
    if (this.skipping > 0) {
      this.skipping++;
      return;
    }
    if (this.stack.length > 0 && this.skip(ns, local)) {
      this.skipping = 1;
      return;
    }
    const node: XNode = { ns, local, text: '', children: [], nil, line };
    if (this.stack.length > 0) this.stack[this.stack.length - 1].children.push(node);
    this.stack.push(node);
  }

  text(text: string): void {
    if (this.skipping > 0 || this.stack.length === 0) return;
    this.stack[this.stack.length - 1].text += text;
  }

  /** Returns the finished root when its end tag closes, otherwise undefined. */
  end(): XNode | undefined {
    if (this.skipping > 0) {
      this.skipping--;
      return undefined;
    }
    const node = this.stack.pop();
    return this.stack.length === 0 ? node : undefined;
  }
}
