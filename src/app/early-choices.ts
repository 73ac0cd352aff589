/**
 * Choices a visitor made in a prerendered page before the app took over. Svelte's hydration keeps
 * what was typed into an <input> but sets a bound <select> back to its state value, so a KPI picked
 * in the målvärde form while the page loaded was lost. Read the selects before hydrating; the
 * returned function, called once hydration's effects have run (flushSync), gives each changed one
 * its early choice back through a change event, as if picked then.
 */
export function keepEarlyChoices(root: ParentNode): () => void {
  const early = [...root.querySelectorAll('select')].flatMap((el) => {
    if (el.multiple) return [];
    const prerendered = el.querySelector<HTMLOptionElement>('option[selected]') ?? el.options[0];
    return prerendered && el.value !== prerendered.value ? [{ el, value: el.value }] : [];
  });
  return () => {
    for (const { el, value } of early) {
      if (!el.isConnected || el.value === value || ![...el.options].some((o) => o.value === value)) continue;
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };
}
