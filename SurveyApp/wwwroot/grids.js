// Keyboard and screen reader care for the staff pages' data grids, attached by Components/Shared/GridPager.razor.
window.surveyApp = window.surveyApp || {};
window.surveyApp.grids = (function () {
    const attached = new WeakSet();
    let stopRevealing = null;

    // MudBlazor names every sort button alike ("Sortera"); each is named after its column instead. The header is
    // redrawn as the sorting changes, so the names are kept up by watching it.
    function nameSortButtons(grid, format) {
        const head = grid.querySelector('thead');
        if (!head) return;
        const name = () => {
            for (const button of head.querySelectorAll('th .sort-direction-icon')) {
                const title = button.closest('th').querySelector('.sortable-column-header');
                const label = title && title.textContent.trim() ? format.replace('{0}', title.textContent.trim()) : null;
                if (label && button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
            }
        };
        name();
        new MutationObserver(name).observe(head, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
    }

    // A pager button disabled while it has the focus (the next page button on reaching the last page) would drop
    // the focus to the page's body; it goes to the nearest button still enabled instead, the previous page button
    // then, the next page button on reaching the first page.
    function keepPagerFocus(pager) {
        let last = null;
        pager.addEventListener('focusin', event => { last = event.target; });
        new MutationObserver(() => {
            if (!last || !last.disabled) return;
            const active = document.activeElement;
            if (active && active !== document.body && active !== last) return;
            const buttons = Array.from(pager.querySelectorAll('.mud-table-pagination-actions button'));
            const at = buttons.indexOf(last);
            if (at < 0) return;
            const backwards = at >= buttons.length / 2;
            const before = buttons.slice(0, at).reverse().filter(b => !b.disabled);
            const after = buttons.slice(at + 1).filter(b => !b.disabled);
            const target = (backwards ? before.concat(after) : after.concat(before))[0];
            if (target) target.focus({ preventScroll: true });
        }).observe(pager, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    }

    return {
        attach(pager, sortFormat) {
            if (!pager || attached.has(pager)) return;
            attached.add(pager);
            keepPagerFocus(pager);
            const grid = pager.closest('.mud-table');
            if (grid) nameSortButtons(grid, sortFormat);
        },

        // After a page change the grid's top comes into view when it is above the window or under the app bar (a
        // phone, paged at the bottom of a long list), so the new page is read from its start. The new rows arrive
        // from the server some time after the pager has changed (longer on a busy server), and a shorter page moves
        // the grid as the document shrinks, so the top is brought into view again whenever the page changes, until
        // the user scrolls, presses a key or touches the page, or for ten seconds at most.
        revealTop(pager) {
            const grid = pager && pager.closest('.mud-table');
            if (!grid) return;
            if (stopRevealing) stopRevealing();
            const reveal = () => {
                const bar = document.querySelector('.mud-appbar');
                const hidden = bar ? bar.getBoundingClientRect().bottom : 0;
                if (grid.getBoundingClientRect().top < hidden) {
                    window.scrollBy({ top: grid.getBoundingClientRect().top - hidden - 8 });
                }
            };
            reveal();
            // Anything drawn again above the grid moves it as well, so the whole page is watched.
            const changes = new MutationObserver(reveal);
            changes.observe(document.querySelector('main') || grid, { childList: true, subtree: true, characterData: true });
            const userEvents = ['wheel', 'touchstart', 'mousedown', 'keydown'];
            const stop = () => {
                changes.disconnect();
                clearTimeout(timer);
                userEvents.forEach(name => window.removeEventListener(name, stop, true));
                if (stopRevealing === stop) stopRevealing = null;
            };
            const timer = setTimeout(stop, 10000);
            userEvents.forEach(name => window.addEventListener(name, stop, { capture: true, passive: true }));
            stopRevealing = stop;
        },
    };
})();
