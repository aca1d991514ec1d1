// Quizzes (src/quizzes/*.html): a Check button per question, right/wrong feedback read out by
// screen readers, the answer and its explanation opened. Answers stay in the page; the questions
// answered right are remembered in localStorage, on this browser only.
(function () {
    'use strict';
    var KEY = 'quiz-answered-right';
    // The feedback's words in each edition of the book, chosen by the page's language.
    var WORDS = {
        en: { choose: 'Choose an answer first.', right: 'Right. ', wrong: 'Not right. ' },
        ko: { choose: '먼저 답을 고르세요.', right: '맞았습니다. ', wrong: '틀렸습니다. ' }
    };
    var words = WORDS[document.documentElement.lang] || WORDS.en;
    function load() {
        try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
    }
    function save(done) {
        try { localStorage.setItem(KEY, JSON.stringify(done)); } catch (e) { /* private mode */ }
    }
    function lines(text) {
        return text.replace(/\r/g, '').split('\n').map(function (l) { return l.trimEnd(); })
            .join('\n').trim();
    }
    // true, false, or null when nothing is chosen yet.
    function isRight(form) {
        var picked = Array.prototype.map.call(
            form.querySelectorAll('input:checked'), function (i) { return i.value; });
        if (picked.length === 0) { return null; }
        if (form.dataset.kind === 'tracing') {
            if (picked[0] !== form.dataset.compiles) { return false; }
            var out = form.querySelector('textarea');
            return !out || lines(out.value) === lines(form.dataset.stdout);
        }
        return picked.sort().join(',') === form.dataset.answer.split(',').sort().join(',');
    }
    var done = load();
    document.querySelectorAll('section.quiz').forEach(function (quiz) {
        quiz.querySelectorAll('form.quiz-question').forEach(function (form) {
            var key = quiz.dataset.quiz + '/' + form.dataset.id;
            var feedback = form.querySelector('.quiz-feedback');
            form.querySelector('.quiz-actions button').hidden = false;
            if (done[key]) { form.classList.add('quiz-done'); }
            form.addEventListener('submit', function (event) {
                event.preventDefault();
                var right = isRight(form);
                form.classList.remove('quiz-right', 'quiz-wrong');
                if (right === null) {
                    feedback.textContent = words.choose;
                    return;
                }
                form.classList.add(right ? 'quiz-right' : 'quiz-wrong');
                var why = form.querySelector('.quiz-context').textContent.trim();
                feedback.textContent = (right ? words.right : words.wrong) + why;
                form.querySelector('details.quiz-answer').open = true;
                if (right) { done[key] = true; save(done); }
            });
        });
    });
    // Printed pages show every answer.
    window.addEventListener('beforeprint', function () {
        document.querySelectorAll('details.quiz-answer').forEach(function (d) { d.open = true; });
    });
})();
