//! `--explain`: a readable account, per article, of what each stage found and why.

use sitrep_pipeline::Coded;

pub fn print(c: &Coded) {
    let d = &c.doc;
    let mut out = String::new();
    out.push_str(&format!("== article {} ({:?})\n", d.article.id, c.outcome));
    if let Some(dl) = &d.article.dateline {
        out.push_str(&format!("  dateline: {:?} agency={:?}\n", dl.place, dl.agency));
    }
    for (span, rule) in &d.dropped {
        out.push_str(&format!("  [clean] dropped {:?} ({rule})\n", clip(d.slice(*span))));
    }
    out.push_str(&format!("  [segment] {} sentence(s)\n", d.sentences.len()));
    for a in &d.actors {
        out.push_str(&format!(
            "  [actors] s{} {:?} -> {} {} country={:?} sector={:?} inter={:?} rules={:?}\n",
            a.sentence, d.slice(a.span), a.code, a.name, a.country, a.sector, a.acled_inter, a.rules
        ));
    }
    if d.focus.country.is_some() || d.focus.place.is_some() {
        out.push_str(&format!("  [focus] country={:?} place={:?} rules={:?}\n", d.focus.country, d.focus.place, d.focus.rules));
    }
    for p in &d.places {
        out.push_str(&format!(
            "  [locate] s{} {:?} -> {} ({:?}, {:?}) {:?},{:?} {:?} rules={:?}\n",
            p.sentence, d.slice(p.span), p.name, p.country, p.admin1, p.lat, p.lon, p.precision, p.rules
        ));
    }
    for t in &d.dates {
        out.push_str(&format!("  [date] s{} {:?} -> {:?} {:?} rules={:?}\n", t.sentence, d.slice(t.span), t.date, t.precision, t.rules));
    }
    for k in &d.casualties {
        out.push_str(&format!(
            "  [casualties] s{} {:?} -> {:?} {} ({:?}) rules={:?}\n",
            k.sentence, d.slice(k.span), k.kind, k.count, k.qualifier, k.rules
        ));
    }
    for t in &d.trace {
        let at = t.span.map(|s| format!(" {:?}", clip(d.slice(s)))).unwrap_or_default();
        out.push_str(&format!("  [{}]{at} {}\n", t.stage, t.message));
    }
    for e in &d.events {
        out.push_str(&format!(
            "  [event] s{} {:?} cameo={} plover={} modality={:?} source={:?} target={:?} rules={:?}\n",
            e.sentence,
            d.slice(e.trigger),
            e.cameo,
            e.plover.kind,
            e.modality,
            e.source.map(|i| d.slice(d.actors[i].span)),
            e.target.map(|i| d.slice(d.actors[i].span)),
            e.rules
        ));
    }
    eprint!("{out}");
}

fn clip(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s.to_string()
    }
}
