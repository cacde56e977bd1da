//! Fill an event's codebook fields (quad class, Goldstein, PLOVER, ACLED) from its CAMEO
//! code via `sitrep_codebook`, with the actors' sectors for ACLED.

use sitrep_codebook::ActorSide;
use sitrep_core::{Doc, Event};

/// CAMEO quad class from the root when the codebook has no entry: 01-05 verbal
/// cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
pub fn quad_class_of_root(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        Some(14..=20) => 4,
        _ => 0,
    }
}

fn side(doc: &Doc, i: Option<usize>) -> ActorSide<'_> {
    match i.and_then(|i| doc.actors.get(i)) {
        Some(a) => ActorSide { sector: a.sector.as_deref(), acled_inter: a.acled_inter },
        None => ActorSide::default(),
    }
}

/// Set `quad_class`, `goldstein`, `plover` and `acled` from `event.cameo`.
pub fn fill(doc: &Doc, event: &mut Event) {
    match sitrep_codebook::cameo(&event.cameo) {
        Some(info) => {
            event.quad_class = info.quad_class;
            event.goldstein = info.goldstein;
        }
        None => event.quad_class = quad_class_of_root(&event.cameo),
    }
    if let Some(p) = sitrep_codebook::plover(&event.cameo) {
        event.plover = p;
    }
    event.acled = sitrep_codebook::acled(&event.cameo, side(doc, event.source), side(doc, event.target));
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn quad_class_by_root() {
        for (code, q) in [("036", 1), ("057", 1), ("0841", 2), ("112", 3), ("138", 3), ("145", 4), ("1823", 4), ("x", 0)] {
            assert_eq!(quad_class_of_root(code), q, "{code}");
        }
    }
}
