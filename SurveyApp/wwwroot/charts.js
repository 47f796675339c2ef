// Chart downloads for the results pages: the chart's SVG, with its title, legend and note added and
// its styles written inline, saved as an SVG file or drawn onto a canvas and saved as PNG.
window.surveyCharts = (function () {
    var svgNs = 'http://www.w3.org/2000/svg';
    var styled = ['fill', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight', 'opacity', 'fill-opacity', 'stroke-opacity', 'text-anchor', 'dominant-baseline'];

    function inlineStyles(source, target) {
        var computed = window.getComputedStyle(source);
        styled.forEach(function (name) {
            var value = computed.getPropertyValue(name);
            if (value) {
                target.setAttribute(name, value);
            }
        });
        for (var i = 0; i < source.children.length; i++) {
            inlineStyles(source.children[i], target.children[i]);
        }
    }

    function text(x, y, content, size, weight) {
        var node = document.createElementNS(svgNs, 'text');
        node.setAttribute('x', x);
        node.setAttribute('y', y);
        node.setAttribute('font-family', 'DejaVu Sans, Arial, sans-serif');
        node.setAttribute('font-size', size);
        node.setAttribute('font-weight', weight || 'normal');
        node.setAttribute('fill', '#1b1b1b');
        node.textContent = content;
        return node;
    }

    function compose(figure, title, note) {
        var chart = figure.querySelector('.chart__body svg');
        var box = chart.getBoundingClientRect();
        var width = Math.ceil(box.width), chartHeight = Math.ceil(box.height);
        var legend = Array.prototype.slice.call(figure.querySelectorAll('.chart__legend li'));
        var top = 36, legendTop = top + chartHeight + 10, rows = Math.ceil(legend.length / 3);
        var height = legendTop + rows * 22 + (note ? 28 : 6);

        var svg = document.createElementNS(svgNs, 'svg');
        svg.setAttribute('xmlns', svgNs);
        svg.setAttribute('width', width);
        svg.setAttribute('height', height);
        svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
        var background = document.createElementNS(svgNs, 'rect');
        background.setAttribute('width', width);
        background.setAttribute('height', height);
        background.setAttribute('fill', '#ffffff');
        svg.appendChild(background);
        svg.appendChild(text(8, 22, title, 15, 'bold'));

        var copy = chart.cloneNode(true);
        inlineStyles(chart, copy);
        copy.setAttribute('x', 0);
        copy.setAttribute('y', top);
        copy.setAttribute('width', width);
        copy.setAttribute('height', chartHeight);
        svg.appendChild(copy);

        legend.forEach(function (item, i) {
            var x = 8 + (i % 3) * Math.floor((width - 16) / 3), y = legendTop + Math.floor(i / 3) * 22;
            var swatch = document.createElementNS(svgNs, 'rect');
            swatch.setAttribute('x', x);
            swatch.setAttribute('y', y);
            swatch.setAttribute('width', 12);
            swatch.setAttribute('height', 12);
            swatch.setAttribute('fill', item.getAttribute('data-colour'));
            svg.appendChild(swatch);
            svg.appendChild(text(x + 18, y + 11, item.textContent.trim(), 12));
        });
        if (note) {
            svg.appendChild(text(8, height - 10, note, 12));
        }
        return { svg: svg, width: width, height: height };
    }

    function save(blob, fileName) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    async function download(id, format, fileName, title, note) {
        var figure = document.getElementById(id);
        if (!figure || !figure.querySelector('.chart__body svg')) {
            return;
        }
        var composed = compose(figure, title, note);
        var markup = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(composed.svg);
        if (format === 'svg') {
            save(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), fileName + '.svg');
            return;
        }
        var image = new Image();
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
        await image.decode();
        var scale = 2;
        var canvas = document.createElement('canvas');
        canvas.width = composed.width * scale;
        canvas.height = composed.height * scale;
        var context = canvas.getContext('2d');
        context.scale(scale, scale);
        context.drawImage(image, 0, 0);
        canvas.toBlob(function (blob) { save(blob, fileName + '.png'); }, 'image/png');
    }

    return { download: download };
})();
