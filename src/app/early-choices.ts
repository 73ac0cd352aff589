/**
 * Choices a visitor made in a prerendered page before the app took over. Svelte's hydration keeps
 * what was typed into a text field but sets a bound <select>, radio button or checkbox back to its
 * state value, so a peer group or KPI picked while the page loaded was lost. Read them before
 * hydrating; the returned function, called once hydration's effects have run (flushSync), gives each
 * changed one its early choice back through a change event, as if made then.
 */
export function keepEarlyChoices(root: ParentNode): () => void {
  const selects = [...root.querySelectorAll('select')].flatMap((el) => {
    if (el.multiple) return [];
    const prerendered = el.querySelector<HTMLOptionElement>('option[selected]') ?? el.options[0];
    return prerendered && el.value !== prerendered.value ? [{ el, value: el.value }] : [];
  });
  // a radio group changed early: its newly checked button; a checkbox: its new state
  const toggles = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')].flatMap((el) =>
    el.checked !== el.defaultChecked && (el.type === 'checkbox' || el.checked) ? [{ el, checked: el.checked }] : [],
  );
  return () => {
    for (const { el, value } of selects) {
      if (!el.isConnected || el.value === value || ![...el.options].some((o) => o.value === value)) continue;
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    for (const { el, checked } of toggles) {
      if (!el.isConnected || el.disabled || el.checked === checked) continue;
      el.checked = checked;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };
}

/**
 * The last action a visitor took in `root` before the app took over: a click on a plain button
 * (type="button", no native action), such as "Kopiera länk", or Enter in a text field outside a form,
 * such as the kommun search. Hydration keeps the elements, so the returned function does it again
 * once the app is there; it stops listening when called.
 */
export function keepEarlyAction(root: HTMLElement): () => void {
  let last: { kind: 'click'; el: HTMLButtonElement } | { kind: 'enter'; el: HTMLInputElement } | null = null;
  const onClick = (e: Event) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (button instanceof HTMLButtonElement && button.type === 'button' && root.contains(button)) last = { kind: 'click', el: button };
  };
  const onKey = (e: KeyboardEvent) => {
    const input = e.target;
    if (e.key === 'Enter' && input instanceof HTMLInputElement && !input.form && root.contains(input)) last = { kind: 'enter', el: input };
  };
  document.addEventListener('click', onClick, { capture: true });
  document.addEventListener('keydown', onKey, { capture: true });
  return () => {
    document.removeEventListener('click', onClick, { capture: true });
    document.removeEventListener('keydown', onKey, { capture: true });
    const action = last;
    last = null;
    if (!action?.el.isConnected || action.el.disabled) return;
    if (action.kind === 'click') action.el.click();
    else action.el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  };
}
