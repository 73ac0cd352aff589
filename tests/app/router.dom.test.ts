import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../../src/app/router.svelte.ts';

/** The next frame and the task after it: when a control change's history entry is due. */
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

describe('Router history entries', () => {
  let router: Router;
  beforeEach(() => {
    history.replaceState(null, '', '/kommun/1286/');
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    router = new Router('/', '/');
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a control change at once and writes its entry after the frame, one entry per change in order', async () => {
    const length = history.length;
    router.navigate({ page: 'kommun', id: '1286' }, { peer: 'lan' });
    router.navigate({ page: 'kommun', id: '1286' }, { gender: 'M' });
    expect(router.view).toMatchObject({ peer: 'lan', gender: 'M' });
    await afterFrame();
    expect(location.pathname + location.search).toBe('/kommun/1286/?grupp=lan&kon=M');
    expect(history.length).toBe(length + 2);
  });

  it('writes pending entries before the next input reads location (copy link, link clicks)', () => {
    router.navigate({ page: 'kommun', id: '1286' }, { gender: 'K' });
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(location.search).toBe('?kon=K');
  });

  it('writes a move to another page from a scrolled window at once, before it scrolls to the top', () => {
    let urlWhenScrolled = '';
    vi.spyOn(window, 'scrollY', 'get').mockReturnValue(640);
    vi.mocked(window.scrollTo).mockImplementation(() => void (urlWhenScrolled = location.pathname));
    router.navigate({ page: 'kommun', id: '1489' });
    expect(urlWhenScrolled).toBe('/kommun/1489/');
    router.navigateToPath('om-data/');
    expect(location.pathname).toBe('/om-data/');
  });

  it('writes a move to another page from the top after the frame (no scroll position to keep), a fragment at once', async () => {
    const length = history.length;
    router.navigateToPath('kommun/1489/');
    expect(router.route).toEqual({ page: 'kommun', id: '1489' });
    expect(location.pathname).toBe('/kommun/1286/');
    await afterFrame();
    expect(location.pathname).toBe('/kommun/1489/');
    expect(history.length).toBe(length + 1);
    router.navigateToPath('om-data/#kallor');
    expect(location.pathname + location.hash).toBe('/om-data/#kallor');
  });

  it("gives the new page's main content focus once it is drawn", async () => {
    document.body.innerHTML = '<main id="main" tabindex="-1"></main><button>x</button>';
    document.querySelector('button')!.focus();
    router.navigate({ page: 'om-data' });
    await afterFrame();
    expect(document.activeElement?.id).toBe('main');
  });

  it('a replacing change on the same page adds no entry', async () => {
    router.navigate({ page: 'kommun', id: '1286' }, { gender: 'M' });
    await afterFrame();
    const length = history.length;
    router.navigate({ page: 'kommun', id: '1286' }, { gender: 'K' }, true);
    await afterFrame();
    expect(history.length).toBe(length);
    expect(location.search).toBe('?kon=K');
  });

  it('changeView works from the live view and page, whatever a lagging part shows', async () => {
    router.navigateToPath('kommun/1489/?p.kostnader=N31001');
    router.changeView((v) => ({ panelKpi: { ...v.panelKpi, ateraktualisering: 'U31462' } }));
    await afterFrame();
    expect(router.route).toEqual({ page: 'kommun', id: '1489' });
    expect(new URLSearchParams(location.search).get('p.kostnader')).toBe('N31001');
    expect(new URLSearchParams(location.search).get('p.ateraktualisering')).toBe('U31462');
  });
});
