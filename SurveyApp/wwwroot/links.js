// A staff page is drawn on the server first and becomes live when its circuit has started. In between, a click on
// one of the app's links could be taken by Blazor's enhanced navigation, which changes the address but cannot
// replace a page whose circuit is starting: the old page would stay under the new address. Until the layout says
// the page is live (main[data-live="true"]), such a click is left to the browser, which loads the page whole.
(function () {
    window.addEventListener('click', function (event) {
        if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        const main = document.querySelector('main[data-live]');
        if (!main || main.dataset.live === 'true') return;
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
        const url = new URL(link.href, document.baseURI);
        if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search)) return;
        event.stopPropagation();
    }, true);
})();
