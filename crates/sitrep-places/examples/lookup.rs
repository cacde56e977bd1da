//! Print the gazetteer candidates for names given on the command line.
use sitrep_places::Gazetteer;
fn main() {
    let g = Gazetteer::embedded();
    for q in std::env::args().skip(1) {
        for c in g.lookup(&q) {
            let p = g.place(c.place);
            println!("{q}: {} {} {:?} admin1={} pop={} demonym={} lat={:?} lon={:?} cap={} major={} seat={}", p.name, p.cc_str(), p.kind, p.admin1, p.population, c.demonym, p.lat, p.lon, p.is_capital(), p.is_major(), p.is_admin_seat());
        }
    }
}
