// The survey editor marks itself with data-unsaved (holding the question to ask) while it has
// changes that are not saved. Leaving it then asks first: a link followed inside the app (which
// Blazor would otherwise take over before any component hears of it), and a reload or a closed tab.
// A field typed into counts at once, before the server has heard of it and marked the editor: a link
// clicked straight after typing would otherwise leave without asking.
(function () {
    var typedIn = null; // the editor typed into since the server last marked it

    document.addEventListener('input', function (event) {
        var editor = event.target.closest ? event.target.closest('.editor-layout') : null;
        if (editor) {
            typedIn = editor;
        }
    }, true);

    // Once the server has marked the editor (or cleared the mark, on saving), its mark is what counts.
    new MutationObserver(function () { typedIn = null; })
        .observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-unsaved'] });

    function unsaved() {
        var editor = document.querySelector('.editor-layout');
        if (!editor) {
            return null;
        }
        if (editor.hasAttribute('data-unsaved')) {
            return editor.getAttribute('data-unsaved');
        }
        return typedIn === editor ? editor.getAttribute('data-leave-question') : null;
    }

    window.addEventListener('click', function (event) {
        var question = unsaved();
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!question || !link || link.hasAttribute('download') || event.defaultPrevented) {
            return;
        }
        var target = new URL(link.href, window.location.href);
        if (target.pathname === window.location.pathname && target.search === window.location.search) {
            return; // a link within the page, such as the error summary's
        }
        if (!window.confirm(question)) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    window.addEventListener('beforeunload', function (event) {
        if (unsaved()) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    // A link of the editor's error summary takes the focus to its field, as well as scrolling to it. A MudSelect
    // carries the field's id on a hidden input; its focusable part is the combobox beside it.
    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('#error-summary a[href*="#"]') : null;
        if (!link) {
            return;
        }
        var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (field && field.type === 'hidden') {
            var control = field.closest('.mud-input-control');
            field = control ? control.querySelector('[role="combobox"]') : null;
        }
        if (field && typeof field.focus === 'function') {
            event.preventDefault(); // Blazor would scroll the field to the top edge, under the app bar
            field.focus({ preventScroll: true });
            field.scrollIntoView({ block: 'center' });
        }
    });
})();
