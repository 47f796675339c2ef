// Progressive enhancement for the respondent pages; every page works without it.
// - An error summary gets focus when the page loads, so keyboard and screen reader users start there.
// - A link in the summary moves focus to the field it names (a plain fragment link only scrolls).
(function () {
    function focusSummary() {
        var summary = document.getElementById('error-summary');
        if (summary) {
            summary.focus();
        }
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('.error-summary a') : null;
        if (!link || !link.hash || link.pathname !== window.location.pathname) {
            return;
        }
        var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (!field) {
            return;
        }
        // Capture phase: handled here, before enhanced navigation would treat it as a page change.
        event.preventDefault();
        event.stopPropagation();
        field.scrollIntoView({ block: 'center' });
        field.focus({ preventScroll: true });
    }, true);

    document.addEventListener('DOMContentLoaded', focusSummary);
})();
