/** Whether `node` is `ancestor` or inside it, crossing shadow boundaries. */
export function containsComposed(ancestor: Node, node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** The innermost element drawn at a point, where a pointer would land, looking into shadow roots. */
export function drawnAt(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The element focus is on, looking into shadow roots. */
export function focusedElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short name for an element in a failure message: tag, part, class, aria-label or text. */
export function describeElement(element: Element | null): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  const label = element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${element.localName}${part ? ` part="${part}"` : ''}${element.className ? ` class="${element.className}"` : ''}>${label ? ` "${label}"` : ''}`;
}

/**
 * Why a person could not tap `target`: undefined when a tap at its centre reaches it (or a
 * descendant), otherwise what is there instead.
 */
export function whyNotTappable(target: Element): string | undefined {
  const box = target.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  if (box.width === 0 || box.height === 0) return `${describeElement(target)} is not drawn`;
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
    return `${describeElement(target)} is outside the ${innerWidth}×${innerHeight} viewport, its centre at (${Math.round(x)}, ${Math.round(y)})`;
  }
  const hit = drawnAt(x, y);
  return containsComposed(target, hit) ? undefined : `${describeElement(target)} is covered by ${describeElement(hit)}`;
}

/** Whether an element takes up room on screen (not hidden, not in a hidden panel). */
export function isDrawn(element: Element): boolean {
  return element.getClientRects().length > 0;
}
