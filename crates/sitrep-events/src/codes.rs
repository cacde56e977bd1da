//! Fill an event's codebook fields (quad class, Goldstein, PLOVER, ACLED) from its CAMEO
//! code via `sitrep_codebook`, with the actors' sectors for ACLED.

use sitrep_codebook::{AcledHints, ActorSide, Weapon};
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
    let hints = AcledHints { killed: event.fatalities.as_ref().and_then(|f| f.killed), weapon: weapon_near(doc, event), ..Default::default() };
    let decision = sitrep_codebook::acled_decision(&event.cameo, side(doc, event.source), side(doc, event.target), &hints);
    event.acled = decision.map(|d| d.sub_event.to_acled());
    // the rule that chose the ACLED type, replacing one from an earlier fill
    event.rules.retain(|r| !r.starts_with("acled:"));
    if let Some(d) = decision {
        event.rules.push(d.rule.to_string());
    }
}

/// Codes whose CAMEO definition already names the means: the text's weapon words do not
/// override them.
fn code_names_means(code: &str) -> bool {
    matches!(code, "1831" | "1832" | "1833" | "183" | "194" | "195" | "204" | "2041" | "2042")
}

/// The means a word names, read with its neighbours ("car bomb", "tear gas", "live
/// rounds"). `Some(None)` is a non-lethal means (tear gas, rubber bullets, water cannon): it
/// names the means as surely as a gun does, so a gun named farther away does not win.
fn weapon_of(prev: &str, word: &str, next: &str) -> Option<Option<Weapon>> {
    let non_lethal = Some(None);
    match (prev, word, next) {
        (_, "tear" | "rubber" | "water" | "stun" | "flash", "gas" | "bullets" | "bullet" | "cannon" | "cannons" | "grenade" | "grenades") => return non_lethal,
        ("tear" | "rubber" | "water" | "stun" | "flash", "gas" | "bullets" | "bullet" | "cannon" | "cannons" | "grenade" | "grenades", _) => return non_lethal,
        (_, "teargas" | "pepper", _) => return non_lethal,
        (_, "live", "rounds" | "ammunition" | "fire" | "bullets") => return Some(Some(Weapon::Firearm)),
        (_, "car" | "truck" | "vehicle", "bomb" | "bombs") => return Some(Some(Weapon::RemoteExplosive)),
        ("car" | "truck" | "vehicle", "bomb" | "bombs", _) => return Some(Some(Weapon::RemoteExplosive)),
        (_, "suicide", "bomber" | "bombers" | "bomb" | "bombs" | "bombing" | "bombings" | "attack" | "attacks" | "attacker" | "attackers" | "vest" | "vests" | "belt" | "car") => return Some(Some(Weapon::SuicideBomb)),
        _ => {}
    }
    Some(Some(match word {
        "drone" | "drones" | "airstrike" | "airstrikes" | "warplane" | "warplanes" | "jets" | "aircraft" | "helicopter" | "helicopters" | "gunship" | "gunships" | "bombers" => Weapon::AirOrDrone,
        "shelling" | "shells" | "shelled" | "artillery" | "mortar" | "mortars" | "rocket" | "rockets" | "missile" | "missiles" | "howitzer" | "howitzers" => Weapon::Artillery,
        "grenade" | "grenades" => Weapon::Grenade,
        "ied" | "ieds" | "landmine" | "landmines" | "roadside" | "bomb" | "bombs" | "explosive" | "explosives" | "car-bomb" => Weapon::RemoteExplosive,
        "gunfire" | "gunmen" | "gunman" | "shot" | "shooting" | "bullets" | "bullet" | "rifles" | "rifle" | "ammunition" | "firearms" | "guns" | "sniper" | "snipers" => Weapon::Firearm,
        "machete" | "machetes" | "knife" | "knives" | "stabbed" | "stabbing" | "clubs" | "axes" => Weapon::Melee,
        "chemical" | "sarin" | "chlorine" | "nerve" => Weapon::Chemical,
        _ => return None,
    }))
}

/// The weapon named nearest the trigger in its sentence, for violent events whose code does
/// not name the means ("a drone killed…" is an air/drone strike, "fired live ammunition at
/// protesters" excessive force). A non-lethal means nearest ("fired tear gas") names none.
fn weapon_near(doc: &Doc, event: &Event) -> Option<Weapon> {
    let violent = matches!(event.cameo_root(), "18" | "19" | "20") || event.cameo == "175" || event.cameo.starts_with("145");
    if !violent || code_names_means(&event.cameo) {
        return None;
    }
    let toks = doc.sentence_tokens(event.sentence);
    let word = |k: usize| toks.get(k).map_or("", |t| &doc.lower[t.span.start..t.span.end]);
    let at = event.trigger.start;
    (0..toks.len())
        .filter_map(|k| weapon_of(if k > 0 { word(k - 1) } else { "" }, word(k), word(k + 1)).map(|w| (toks[k].span.start.abs_diff(at), w)))
        .min_by_key(|(d, _)| *d)
        .and_then(|(_, w)| w)
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

    #[test]
    fn weapons_read_with_their_neighbours() {
        let table: &[(&str, &str, &str, Option<Option<Weapon>>)] = &[
            ("a", "car", "bomb", Some(Some(Weapon::RemoteExplosive))),
            ("car", "bomb", "exploded", Some(Some(Weapon::RemoteExplosive))),
            ("planted", "explosives", "under", Some(Some(Weapon::RemoteExplosive))),
            ("a", "suicide", "bomber", Some(Some(Weapon::SuicideBomb))),
            ("fired", "tear", "gas", Some(None)),
            ("tear", "gas", "at", Some(None)),
            ("threw", "stun", "grenades", Some(None)),
            ("stun", "grenades", "at", Some(None)),
            ("threw", "grenades", "at", Some(Some(Weapon::Grenade))),
            ("fired", "live", "rounds", Some(Some(Weapon::Firearm))),
            ("with", "machetes", ".", Some(Some(Weapon::Melee))),
            ("committed", "suicide", "last", None),
            ("the", "live", "broadcast", None),
        ];
        for &(prev, word, next, want) in table {
            assert_eq!(weapon_of(prev, word, next), want, "{prev} {word} {next}");
        }
    }
}
