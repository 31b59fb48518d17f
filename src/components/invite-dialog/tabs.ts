/**
 * The tab a key moves to in a tab list (arrows wrap around, Home and End go to the ends), or
 * undefined when the key is not one that moves.
 */
export function tabKeyTarget(event: KeyboardEvent, tabs: readonly HTMLElement[]): HTMLElement | undefined {
  const current = tabs.indexOf(event.target as HTMLElement);
  const next = {
    ArrowDown: current + 1,
    ArrowRight: current + 1,
    ArrowUp: current - 1,
    ArrowLeft: current - 1,
    Home: 0,
    End: tabs.length - 1,
  }[event.key];
  return next === undefined ? undefined : tabs[(next + tabs.length) % tabs.length];
}
