// Quizzes (src/quizzes/*.html): a Check button per question, a right/wrong verdict read out by
// screen readers, and the answer with its explanation opened below it. Answers stay in the page;
// the questions answered right are remembered in localStorage, on this browser only.
(function () {
    'use strict';
    var KEY = 'quiz-answered-right';
    // The words this script adds, in each edition of the book, chosen by the page's language (the
    // rest of a quiz's words are rendered into its HTML, tools/src/quiz/render.rs).
    var WORDS = {
        en: {
            choose: 'Choose an answer first.', right: 'Right.', wrong: 'Not right.',
            done: '(answered right before)'
        },
        ko: {
            choose: '먼저 답을 고르세요.', right: '맞았습니다.', wrong: '틀렸습니다.',
            done: '(전에 맞힌 문제)'
        }
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
            if (done[key]) {
                // Text, not CSS `content`, so that it is read out and in the page's language.
                var note = document.createElement('span');
                note.className = 'quiz-done';
                note.textContent = ' ' + words.done;
                form.querySelector('legend').append(note);
            }
            form.addEventListener('submit', function (event) {
                event.preventDefault();
                var right = isRight(form);
                form.classList.remove('quiz-right', 'quiz-wrong');
                if (right === null) {
                    feedback.textContent = words.choose;
                    return;
                }
                form.classList.add(right ? 'quiz-right' : 'quiz-wrong');
                // The verdict alone: the explanation is in the answer opened just below, where its
                // code keeps its formatting; repeating it here as plain text would show it twice.
                feedback.textContent = right ? words.right : words.wrong;
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
