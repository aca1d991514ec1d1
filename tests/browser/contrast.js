// Switches mdBook's theme with its own theme buttons, then lists the book's own elements whose text
// has less than WCAG AA contrast (4.5:1) against what is behind it.
function lowContrast(theme) {
    document.getElementById('mdbook-theme-' + theme).click();
    const parse = c => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
        const a = top[3];
        return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
    };
    const background = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const bg = parse(getComputedStyle(e).backgroundColor);
            if (bg[3] > 0) layers.push(bg);
            if (bg[3] === 1) break;
        }
        return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
    };
    const opacity = el => {
        let o = 1;
        for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
        return o;
    };
    const luminance = rgb => {
        const [r, g, b] = rgb.slice(0, 3).map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out = [];
    const selector = '.caption-title, .caption-run, pre > code.language-text, .output-caption, '
        + 'figure.timeline figcaption, .timeline-lane-name, .timeline-tick-label, .timeline-span-label';
    for (const el of document.querySelectorAll(selector)) {
        if (el.closest('[hidden]')) continue;
        const bg = background(el);
        // SVG text is painted with `fill`, HTML text with `color`.
        const style = getComputedStyle(el);
        const fg = parse(el instanceof SVGElement ? style.fill : style.color);
        const text = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
        const [l1, l2] = [luminance(text), luminance(bg)].sort((a, b) => b - a);
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        if (ratio < 4.5) {
            out.push(`${el.className || el.tagName}: contrast ${ratio.toFixed(2)}:1 ("${el.textContent.trim().slice(0, 30)}")`);
        }
    }
    return out.slice(0, 10);
}
