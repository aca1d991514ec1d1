//! The book with the keyboard alone: the first Tab offers a way past the menu, every copy and run
//! button can be reached and is seen when it has focus, moving focus back up the page never hides
//! it under the sticky menu bar, the arrow keys scroll what has focus before they change chapter,
//! and the language switch keeps the reader's place.

use serde::Deserialize;

use super::{assert_none, open};

/// The page the keyboard walks: listings with buttons, tables, folded Python and a timeline.
const CHAPTER: &str = "ch07-locks.html";

/// What has focus, and whether the reader can see it.
const FOCUSED: &str = r#"
    const el = document.activeElement;
    const rect = el.getBoundingClientRect();
    const menu = document.getElementById('mdbook-menu-bar').getBoundingClientRect();
    const inMain = !!el.closest('main');
    return {
        name: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
            + (el.textContent ? ` "${el.textContent.trim().slice(0, 30)}"` : ''),
        button: el.matches('pre .buttons button'),
        opacity: Number(getComputedStyle(el.closest('.buttons') || el).opacity),
        under_menu: inMain && menu.bottom > 0 && rect.top < menu.bottom && rect.bottom > menu.top,
        in_main: inMain,
        skip_link: el.matches('a.skip-link') && rect.top >= 0 && rect.height > 0,
    };
"#;

#[derive(Deserialize, Debug)]
struct Focused {
    name: String,
    button: bool,
    opacity: f64,
    under_menu: bool,
    in_main: bool,
    skip_link: bool,
}

/// Most Tab stops the walk takes; chapter 7 has fewer than this.
const MOST_STOPS: usize = 300;

#[test]
fn the_keyboard_reaches_every_control_and_sees_where_it_is() {
    let Some((session, tab)) = open() else { return };
    tab.set_viewport(1280, 900, false)
        .unwrap_or_else(|e| panic!("{e}"));
    tab.load(&session.site.url(CHAPTER))
        .unwrap_or_else(|e| panic!("{e}"));
    // A button's fade-in would be measured halfway.
    tab.run_script(super::accessibility::NO_TRANSITIONS)
        .unwrap_or_else(|e| panic!("{e}"));
    let focused = || -> Focused { tab.eval(FOCUSED).unwrap_or_else(|e| panic!("{e}")) };
    let mut problems = Vec::new();

    tab.press_key("Tab").unwrap_or_else(|e| panic!("{e}"));
    let first = focused();
    if !first.skip_link {
        problems.push(format!(
            "the first Tab stop is {}, not a visible link to skip to the content",
            first.name
        ));
    }

    // Forward to the first listing's buttons.
    let mut button = None;
    for _ in 0..MOST_STOPS {
        tab.press_key("Tab").unwrap_or_else(|e| panic!("{e}"));
        let now = focused();
        if now.button || now.name.starts_with("body") {
            button = Some(now).filter(|n| n.button);
            break;
        }
    }
    match button {
        None => problems.push("Tab never reaches a copy or run button".to_owned()),
        Some(b) if b.opacity < 1.0 => problems.push(format!(
            "{} has focus but is not fully shown (opacity {})",
            b.name, b.opacity
        )),
        Some(_) => {}
    }

    // Back up the whole chapter from its last control, as the menu bar comes back.
    tab.eval::<bool>(
        "const all = document.querySelectorAll('main a[href], main button, main summary, main [tabindex=\"0\"]');
         const shown = Array.from(all).filter(e => e.getClientRects().length > 0 && !e.closest('details:not([open]) > :not(summary)'));
         shown[shown.length - 1].focus(); return true;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut stops = 0;
    loop {
        tab.press_shifted("Tab").unwrap_or_else(|e| panic!("{e}"));
        let now = focused();
        if !now.in_main || stops >= MOST_STOPS {
            break;
        }
        stops += 1;
        if now.under_menu {
            problems.push(format!("Shift+Tab puts {} under the menu bar", now.name));
        }
    }
    if stops < 2 {
        problems.push(format!(
            "Shift+Tab from the chapter's last control left the content after {stops} stops"
        ));
    }
    assert_none(
        &format!("the keyboard on {CHAPTER} ({stops} stops backwards)"),
        problems,
    );
}

#[test]
fn arrow_keys_scroll_what_has_focus_instead_of_changing_chapter() {
    let Some((session, tab)) = open() else { return };
    // At phone width the listings are wider than the screen and scroll sideways.
    tab.set_viewport(375, 800, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let url = session.site.url(CHAPTER);
    let mut problems = Vec::new();
    for (what, selector) in [
        ("a code block that scrolls", "pre > code.scrolls"),
        (
            "a folded Python counterpart's summary",
            "details.python > summary",
        ),
    ] {
        tab.load(&url).unwrap_or_else(|e| panic!("{e}"));
        let found: bool = tab
            .eval(&format!(
                "const el = document.querySelector({selector:?}); if (el) el.focus(); return !!el;"
            ))
            .unwrap_or_else(|e| panic!("{e}"));
        if !found {
            problems.push(format!("{CHAPTER} at 375 px has no {what} ({selector})"));
            continue;
        }
        tab.press_key("ArrowRight")
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_millis(500));
        let href: String = tab
            .eval("return location.href;")
            .unwrap_or_else(|e| panic!("{e}"));
        if href != url {
            problems.push(format!("→ on {what} left the chapter for {href}"));
        }
    }
    // With nothing in particular focused, → still turns the page.
    tab.load(&url).unwrap_or_else(|e| panic!("{e}"));
    tab.press_key("ArrowRight")
        .unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = tab.wait_for(
        "→ to open the next chapter",
        "location.href.includes('ch08-')",
    ) {
        problems.push(e);
    }
    assert_none("arrow keys", problems);
}

#[test]
fn the_language_switch_keeps_the_section() {
    let Some((session, tab)) = open() else { return };
    let section = "listing-7-3";
    tab.load(&session.site.url(&format!("{CHAPTER}#{section}")))
        .unwrap_or_else(|e| panic!("{e}"));
    tab.click("a.language-switch")
        .unwrap_or_else(|e| panic!("{e}"));
    let expected = format!("ko/{CHAPTER}#{section}");
    tab.wait_for(
        &format!("the switch to lead to {expected}"),
        &format!("location.href.endsWith({expected:?})"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn show_another_run_keeps_the_focus() {
    let Some((session, tab)) = open() else { return };
    tab.load(&session.site.url(CHAPTER))
        .unwrap_or_else(|e| panic!("{e}"));
    let button = "figure.timeline .timeline-next-run";
    tab.eval::<bool>(&format!(
        "document.querySelector({button:?}).focus(); return true;"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    // The first press also loads the other runs; focus must survive the wait.
    tab.press_key("Enter").unwrap_or_else(|e| panic!("{e}"));
    tab.wait_for(
        "the second run to show",
        &format!("document.querySelector({button:?}).closest('figure').dataset.run === '2'"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let focused: String = tab
        .eval("const e = document.activeElement; return e.tagName + '.' + e.className;")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        focused, "BUTTON.timeline-next-run",
        "after the first press of Show another run, focus is on {focused}"
    );
}
