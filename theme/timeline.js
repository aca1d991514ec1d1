// Timelines of real runs: links each mark of a `figure.timeline` to its line in the output block
// above it, and adds controls to step through a run line by line and to show another recorded run.
// Without this script the figure still shows run 1 and the output block still shows its lines.
(function () {
    "use strict";

    // The controls' words in each edition of the book, chosen by the page's language.
    const WORDS = {
        en: {
            step: "Step",
            reset: "Reset",
            next: "Show another run",
            line: (n, count) => "line " + n + " of " + count + ": ",
            run: (n, count) => "run " + n + " of " + count,
            loading: "loading the other runs",
            failed: (why) => "the other runs could not be loaded (" + why + ")",
        },
        ko: {
            step: "한 줄씩",
            reset: "처음으로",
            next: "다른 실행 보기",
            line: (n, count) => count + "줄 중 " + n + "번째 줄: ",
            run: (n, count) => "실행 " + n + "/" + count,
            loading: "다른 실행을 불러오는 중",
            failed: (why) => "다른 실행을 불러오지 못했습니다 (" + why + ")",
        },
    };
    const words = WORDS[document.documentElement.lang] || WORDS.en;

    // The output block of a figure: the nearest `pre` before it.
    function outputBlockOf(figure) {
        for (let el = figure.previousElementSibling; el; el = el.previousElementSibling) {
            if (el.matches("pre")) {
                return el.querySelector("code");
            }
            const inside = el.querySelectorAll("pre code");
            if (inside.length > 0) {
                return inside[inside.length - 1];
            }
        }
        return null;
    }

    // Puts each line in its own span, keeping the text (and so the copy button) unchanged.
    function showLines(code, lines) {
        code.textContent = "";
        lines.forEach(function (text, index) {
            const span = document.createElement("span");
            span.className = "output-line";
            span.dataset.line = String(index);
            span.textContent = text;
            code.appendChild(span);
            code.appendChild(document.createTextNode("\n"));
        });
    }

    function linesOf(code) {
        const lines = code.textContent.split("\n");
        if (lines.length > 0 && lines[lines.length - 1] === "") {
            lines.pop();
        }
        return lines;
    }

    function button(className, label) {
        const el = document.createElement("button");
        el.type = "button";
        el.className = className;
        el.textContent = label;
        return el;
    }

    function setUp(figure) {
        // Run 1 is in the page; the other runs arrive from `data-more` when first asked for.
        const runs = Array.from(figure.querySelectorAll("svg.timeline-run"));
        const total = Number(figure.dataset.runs) || runs.length;
        const code = outputBlockOf(figure);
        const lines = [code ? linesOf(code) : []];
        let more = null;
        let run = 0;
        let step = -1;

        if (code) {
            showLines(code, lines[0]);
        }

        function loadMore() {
            if (!more) {
                more = fetch(new URL(figure.dataset.more, document.baseURI))
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error(response.status + " " + response.statusText);
                        }
                        return response.text();
                    })
                    .then(function (text) {
                        const doc = new DOMParser().parseFromString(text, "text/html");
                        const data = JSON.parse(doc.querySelector("script.timeline-data").textContent);
                        data.runs.slice(1).forEach(function (runLines) {
                            lines.push(runLines);
                        });
                        let previous = runs[runs.length - 1];
                        doc.querySelectorAll("svg.timeline-run").forEach(function (svg) {
                            const copy = document.importNode(svg, true);
                            previous.after(copy);
                            runs.push(copy);
                            previous = copy;
                        });
                    });
                more.catch(function () {
                    more = null;
                });
            }
            return more;
        }

        function clearCurrent() {
            figure.querySelectorAll(".timeline-mark.is-current").forEach(function (el) {
                el.classList.remove("is-current");
            });
            if (code) {
                code.querySelectorAll(".output-line.is-current").forEach(function (el) {
                    el.classList.remove("is-current");
                });
            }
        }

        function setCurrent(index) {
            clearCurrent();
            const selector = '[data-line="' + index + '"]';
            const mark = runs[run].querySelector(".timeline-mark" + selector);
            if (mark) {
                mark.classList.add("is-current");
            }
            const line = code && code.querySelector(".output-line" + selector);
            if (line) {
                line.classList.add("is-current");
            }
        }

        function markOf(event) {
            const target = event.target;
            return target && target.closest ? target.closest(".timeline-mark[data-line]") : null;
        }

        figure.addEventListener("mouseover", function (event) {
            const mark = markOf(event);
            if (mark) {
                setCurrent(mark.dataset.line);
            }
        });
        // What a mark stands for, in words: its place in the run, the line and when it arrived
        // (the mark's own title), for the status line that screen readers announce.
        function describe(mark) {
            const title = mark.querySelector("title");
            return words.line(Number(mark.dataset.line) + 1, lineCount()) +
                (title ? title.textContent : "");
        }

        figure.addEventListener("focusin", function (event) {
            const mark = markOf(event);
            if (mark) {
                setCurrent(mark.dataset.line);
                status.textContent = describe(mark);
            }
        });
        // When the pointer leaves, the mark that has keyboard focus (if any) stays current: a
        // page that scrolls under a resting pointer must not take the reader's place away.
        function leave() {
            const focused = document.activeElement;
            if (focused && figure.contains(focused) && focused.matches(".timeline-mark[data-line]")) {
                setCurrent(focused.dataset.line);
            } else {
                clearCurrent();
            }
        }

        // The picture is one tab stop; the arrow keys then move from line to line, in time order.
        figure.addEventListener("keydown", function (event) {
            const mark = markOf(event);
            const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
            if (!mark || !(event.key in moves)) {
                return;
            }
            const marks = Array.from(runs[run].querySelectorAll(".timeline-mark[data-line]"));
            const next = marks[Number(mark.dataset.line) + moves[event.key]];
            // mdBook turns the page on the left and right arrows; inside a timeline they move
            // between marks instead, so the key stops here.
            event.stopPropagation();
            if (next) {
                event.preventDefault();
                mark.setAttribute("tabindex", "-1");
                next.setAttribute("tabindex", "0");
                next.focus();
            }
        });

        figure.addEventListener("mouseout", function (event) {
            if (markOf(event)) {
                leave();
            }
        });
        figure.addEventListener("focusout", function (event) {
            if (markOf(event)) {
                clearCurrent();
            }
        });
        if (code) {
            code.addEventListener("mouseover", function (event) {
                const line = event.target.closest(".output-line");
                if (line) {
                    setCurrent(line.dataset.line);
                }
            });
            code.addEventListener("mouseout", function (event) {
                if (event.target.closest(".output-line")) {
                    leave();
                }
            });
        }

        const controls = document.createElement("div");
        controls.className = "timeline-controls";
        const stepButton = button("timeline-step", words.step);
        const resetButton = button("timeline-reset", words.reset);
        const nextRunButton = button("timeline-next-run", words.next);
        const status = document.createElement("span");
        status.className = "timeline-status";
        status.setAttribute("aria-live", "polite");
        controls.append(stepButton, resetButton);
        if (total > 1 && figure.dataset.more) {
            controls.append(nextRunButton);
        }
        controls.append(status);
        const caption = figure.querySelector("figcaption");
        figure.insertBefore(controls, caption);

        function lineCount() {
            return runs[run].querySelectorAll(".timeline-mark[data-line]").length;
        }

        function showRun(index) {
            // `hidden` is an attribute of SVG elements, not a property as on HTML elements.
            runs[run].setAttribute("hidden", "");
            run = index;
            runs[run].removeAttribute("hidden");
            step = -1;
            clearCurrent();
            figure.dataset.run = String(run + 1);
            const number = figure.querySelector(".timeline-run-number");
            if (number) {
                number.textContent = String(run + 1);
            }
            if (code && lines[run]) {
                showLines(code, lines[run]);
            }
            status.textContent = words.run(run + 1, total);
        }

        // Lines are recorded in the order they arrived, so index order is time order.
        stepButton.addEventListener("click", function () {
            const count = lineCount();
            if (count === 0) {
                return;
            }
            step = (step + 1) % count;
            setCurrent(step);
            status.textContent = describe(runs[run].querySelector('.timeline-mark[data-line="' + step + '"]'));
        });
        resetButton.addEventListener("click", function () {
            showRun(0);
        });
        let loading = false;
        nextRunButton.addEventListener("click", function () {
            // A second press while the runs load does nothing, so that it cannot skip one. The
            // button only says so (aria-disabled): a disabled button would lose the keyboard's
            // focus to the page.
            if (loading) {
                return;
            }
            loading = true;
            nextRunButton.setAttribute("aria-disabled", "true");
            status.textContent = words.loading;
            const done = function () {
                loading = false;
                nextRunButton.removeAttribute("aria-disabled");
            };
            loadMore().then(function () {
                done();
                showRun((run + 1) % runs.length);
            }, function (error) {
                done();
                status.textContent = words.failed(error.message);
            });
        });
    }

    function setUpAll() {
        document.querySelectorAll("figure.timeline").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
