// Chart downloads for the results pages: the chart's SVG, with its heading (question number and text),
// title, source (survey, wave, filter), legend and note added and its styles written inline, saved as an
// SVG file or drawn onto a canvas and saved as PNG.
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

    // Text is measured by an estimate of its average glyph width, enough to wrap lines and lay out the legend.
    function textWidth(content, size) {
        return content.length * size * 0.56;
    }

    function wrap(content, size, width) {
        var lines = [], line = '';
        content.split(/\s+/).forEach(function (word) {
            var candidate = line ? line + ' ' + word : word;
            if (line && textWidth(candidate, size) > width) {
                lines.push(line);
                line = word;
            } else {
                line = candidate;
            }
        });
        if (line) {
            lines.push(line);
        }
        return lines;
    }

    function compose(figure, titles, note) {
        var chart = figure.querySelector('.chart__body svg');
        var box = chart.getBoundingClientRect();
        var width = Math.max(320, Math.ceil(box.width)), chartHeight = Math.ceil(box.height);

        // The heading in bold, then the chart's own title and its source, each wrapped to the width.
        var heading = [];
        titles.forEach(function (title, i) {
            var size = i === 0 ? 15 : 12;
            wrap(title, size, width - 16).forEach(function (line) {
                heading.push({ text: line, size: size, weight: i === 0 ? 'bold' : 'normal' });
            });
        });
        var top = 12 + heading.reduce(function (sum, line) { return sum + line.size + 6; }, 0) + 6;

        // Legend entries flow left to right and wrap, so long step labels never overlap.
        var legend = Array.prototype.slice.call(figure.querySelectorAll('.chart__legend li')).map(function (item) {
            return { label: item.textContent.trim(), colour: item.getAttribute('data-colour') };
        });
        var legendTop = top + chartHeight + 10, x = 8, row = 0;
        legend.forEach(function (entry) {
            var entryWidth = 18 + textWidth(entry.label, 12) + 16;
            if (x > 8 && x + entryWidth > width - 8) {
                x = 8;
                row++;
            }
            entry.x = x;
            entry.y = legendTop + row * 22;
            x += entryWidth;
        });
        var noteLines = note ? wrap(note, 12, width - 16) : [];
        var height = legendTop + (legend.length ? (row + 1) * 22 : 0) + noteLines.length * 18 + 8;

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
        var y = 12;
        heading.forEach(function (line) {
            y += line.size + 6;
            svg.appendChild(text(8, y - 6, line.text, line.size, line.weight));
        });

        var copy = chart.cloneNode(true);
        inlineStyles(chart, copy);
        copy.setAttribute('x', 0);
        copy.setAttribute('y', top);
        copy.setAttribute('width', width);
        copy.setAttribute('height', chartHeight);
        svg.appendChild(copy);

        legend.forEach(function (entry) {
            var swatch = document.createElementNS(svgNs, 'rect');
            swatch.setAttribute('x', entry.x);
            swatch.setAttribute('y', entry.y);
            swatch.setAttribute('width', 12);
            swatch.setAttribute('height', 12);
            swatch.setAttribute('fill', entry.colour);
            svg.appendChild(swatch);
            svg.appendChild(text(entry.x + 18, entry.y + 11, entry.label, 12));
        });
        noteLines.forEach(function (line, i) {
            svg.appendChild(text(8, height - 10 - (noteLines.length - 1 - i) * 18, line, 12));
        });
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

    async function download(id, format, fileName, titles, note) {
        var figure = document.getElementById(id);
        if (!figure || !figure.querySelector('.chart__body svg')) {
            return;
        }
        var composed = compose(figure, titles, note);
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
