use super::{page, session};
use book_tools::repo_root;
#[test]
fn zz_probe() {
    let Some(session) = session() else { return };
    let script = book_tools::browser::axe::script_or_skip(&repo_root()).unwrap().unwrap();
    let tab = page(&session);
    let name = std::env::var("PROBE_PAGE").unwrap_or("ch07-locks.html".into());
    let w: u32 = std::env::var("PROBE_W").map(|w| w.parse().unwrap()).unwrap_or(1280);
    tab.set_viewport(w, 900, w < 600).unwrap();
    tab.load(&session.site.url(&name)).unwrap();
    tab.run_script(&script).unwrap();
    tab.eval::<()>("const style = document.createElement('style'); style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'; document.head.append(style); return null;").unwrap();
    for theme in ["light","rust","coal","navy","ayu"] {
        tab.eval::<()>(&format!("document.getElementById('mdbook-theme-{theme}').click(); return null;")).unwrap();
        let r: serde_json::Value = tab.eval_async("const r = await axe.run(document, {iframes:false, resultTypes:['violations']}); return r.violations.filter(v => v.impact==='serious'||v.impact==='critical').map(v => [v.id, v.nodes.length, Object.entries(v.nodes.reduce((m, n) => { const d = (n.any[0]||n.all[0]||n.none[0]||{}).data || {}; const k = n.target.join(' ').replace(/:nth-child\\(\\d+\\)/g,'').slice(0,60) + ' ' + (d.fgColor||'') + '/' + (d.bgColor||'') + ' ' + (d.contrastRatio||'') + ' ' + (d.fontSize||''); m[k]=(m[k]||0)+1; return m; }, {}))]);").unwrap();
        for v in r.as_array().unwrap() { eprintln!("{theme} {} {}", v[0], v[1]); for k in v[2].as_array().unwrap() { eprintln!("      {k}"); } }
    }
}
