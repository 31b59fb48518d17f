/**
 * The body of each element's `getUpdateComplete()`: its update, then what it has started to load
 * (phone rules, country data, a language), then the update that what arrived asked for.
 */
export async function updateAfterLoads(update: () => Promise<boolean>, loads: () => readonly unknown[]): Promise<boolean> {
  const complete = await update();
  await Promise.all(loads());
  return (await update()) && complete;
}
