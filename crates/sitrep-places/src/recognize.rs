//! The `locate` stage: find place names in the text, decide which gazetteer entry each one
//! means, and say why.
//!
//! A name is looked up word by word (longest match first) in the gazetteer's key index; no
//! automaton is built, so a stage costs nothing to construct beyond a few small word sets.
//! Whether a capitalised name is a place depends on its context: a locative preposition
//! ("in", "near"), a place noun ("the town of X", "X province"), "X-based", a wire dateline, a
//! direction before a country ("northern Mali"). Country names need such a cue, since without
//! one they are usually actors ("Sudan said…"). Names that are common English words, or that
//! sit inside a person's name, need a cue too.
//!
//! Among homonyms the choice is scored, and the winning reasons go into the mention's
//! `rules`: a qualifier next to the name ("Bam, Iran"), the article's focus country, other
//! countries in the story, closeness to other places in the story, capital / administrative
//! seat / curated large city, population, and the sort of place the context asks for.

use crate::gazetteer::{distance_km, Candidate, Gazetteer, Place, PlaceKind};
use crate::normalize::{self, fnv_update, key_hash, FNV_OFFSET};
use crate::words::{self, Joiner, Scan};
use sitrep_core::{ActorKind, Doc, Layer, PlaceMention, PlacePrecision, Span, Stage};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Longest place name tried, in words ("Democratic Republic of the Congo" has five).
const MAX_NAME_WORDS: usize = 6;
const STAGE: &str = "locate";

/// Pipeline stage `locate`.
pub struct PlaceRecognizer {
    gaz: Arc<Gazetteer>,
    locative: HashSet<u64>,
    city_nouns: HashSet<u64>,
    region_nouns: HashSet<u64>,
    titles: HashSet<u64>,
    followers: HashSet<u64>,
    common: HashSet<u64>,
    directions: HashMap<u64, (&'static str, f32, f32)>,
    part_nouns: HashSet<u64>,
    never: HashSet<u64>,
    particles: HashSet<u64>,
    function_words: HashSet<u64>,
    based: u64,
    of: u64,
    the: u64,
}

impl std::fmt::Debug for PlaceRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlaceRecognizer")
            .field("gazetteer", &self.gaz)
            .finish()
    }
}

impl Default for PlaceRecognizer {
    fn default() -> Self {
        PlaceRecognizer::new(Arc::new(Gazetteer::embedded()))
    }
}

/// Why a name was taken as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A locative preposition or verb before it ("in", "near", "shelled").
    Preposition,
    /// "the town of X", "X province".
    PlaceNoun,
    /// "X-based".
    Based,
    /// "northern X".
    Direction,
    /// The wire dateline.
    Dateline,
}

impl Cue {
    fn rule(self) -> &'static str {
        match self {
            Cue::Preposition => "places.cue.preposition",
            Cue::PlaceNoun => "places.cue.place_noun",
            Cue::Based => "places.cue.x_based",
            Cue::Direction => "places.cue.direction",
            Cue::Dateline => "places.cue.dateline",
        }
    }
}

/// A name matched in the text, before the choice among its candidates.
#[derive(Debug, Clone)]
struct Hit {
    sentence: usize,
    span: Span,
    /// With a direction prefix for "northern Mali".
    full: Span,
    cands: Vec<Candidate>,
    cue: Option<Cue>,
    /// The word before the name, for the trace.
    cue_word: Option<String>,
    type_hint: Option<PlaceKind>,
    country_hint: Option<[u8; 2]>,
    /// Index into the hits of a qualifier right after it ("Bam, Iran").
    qualifier: Option<usize>,
    /// Consumed as another hit's qualifier.
    is_qualifier: bool,
    direction: Option<(&'static str, f32, f32)>,
    rejected: Option<&'static str>,
    single_word: bool,
    /// First and last word index in the sentence scan.
    w0: usize,
    w1: usize,
    /// "50 km north of X": the event is away from X, in its surroundings.
    offset: bool,
    /// The first-level unit word after the name ("Niger state", "Sindh province"): which
    /// countries name their regions that way.
    unit_noun: Option<&'static [&'static str]>,
}

/// "the X district of Y": X is known only through Y.
#[derive(Debug, Clone)]
struct SubPlace {
    sentence: usize,
    span: Span,
    parent: usize,
}

/// "the city's airport": refers back to the latest place of that sort.
#[derive(Debug, Clone)]
struct Anaphor {
    sentence: usize,
    span: Span,
    kind: PlaceKind,
}

/// The choice made for a hit.
#[derive(Debug, Clone)]
struct Choice {
    place: u32,
    reasons: Vec<String>,
    n_cands: usize,
}

impl PlaceRecognizer {
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        let h = |w: &str| key_hash(&normalize::normalize(w));
        PlaceRecognizer {
            gaz: gazetteer,
            locative: words::hashes(words::LOCATIVE_PREPOSITIONS),
            city_nouns: words::hashes(words::PLACE_NOUNS_CITY),
            region_nouns: words::hashes(words::PLACE_NOUNS_REGION),
            titles: words::hashes(words::PERSON_TITLES),
            followers: words::hashes(words::PLACE_FOLLOWERS),
            common: words::common_words(),
            directions: words::DIRECTIONS
                .iter()
                .map(|&(w, n, e)| (h(w), (w, n, e)))
                .collect(),
            part_nouns: words::hashes(words::PART_NOUNS),
            never: words::never_places(),
            particles: words::hashes(words::NAME_PARTICLES),
            function_words: words::hashes(words::FUNCTION_WORDS),
            based: h("based"),
            of: h("of"),
            the: h("the"),
        }
    }

    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gaz
    }

    fn place_noun_kind(&self, hash: u64) -> Option<PlaceKind> {
        if self.city_nouns.contains(&hash) {
            Some(PlaceKind::City)
        } else if self.region_nouns.contains(&hash) {
            Some(PlaceKind::Region)
        } else {
            None
        }
    }

    /// Find the names in one sentence.
    #[allow(clippy::too_many_arguments)]
    fn scan_sentence(
        &self,
        doc: &Doc,
        si: usize,
        scan: &mut Scan,
        hits: &mut Vec<Hit>,
        subs: &mut Vec<SubPlace>,
        anaphors: &mut Vec<Anaphor>,
        demonyms: &mut Vec<(usize, usize, [u8; 2], bool)>,
    ) {
        let sent = &doc.sentences[si];
        let text = doc.text();
        scan.scan(text, sent.span.start, sent.span.end);
        let n = scan.words.len();
        let wh: Vec<u64> = (0..n).map(|i| key_hash(scan.norm(i))).collect();
        let dateline = doc.article.dateline.as_ref().map(|d| d.span);
        let first_hit = hits.len();
        let mut i = 0;
        while i < n {
            let w = scan.words[i];
            // "the city's airport"
            if wh[i] == self.the && i + 1 < n && scan.words[i + 1].possessive {
                if let Some(kind) = self
                    .place_noun_kind(wh[i + 1])
                    .or_else(|| (scan.norm(i + 1) == "country").then_some(PlaceKind::Country))
                {
                    let mut end = scan.words[i + 1].end + 2;
                    if i + 2 < n && !scan.words[i + 2].cap {
                        end = scan.words[i + 2].end;
                    }
                    anaphors.push(Anaphor {
                        sentence: si,
                        span: Span::new(w.start, end.min(sent.span.end)),
                        kind,
                    });
                    i += 2;
                    continue;
                }
            }
            if !w.cap || dateline.is_some_and(|d| d.contains(Span::new(w.start, w.end))) {
                i += 1;
                continue;
            }
            // Longest match first.
            let mut found: Option<(usize, Vec<Candidate>)> = None;
            let mut h = FNV_OFFSET;
            let mut ends = [(0usize, 0u64); MAX_NAME_WORDS];
            let mut n_ends = 0;
            for j in i..n.min(i + MAX_NAME_WORDS) {
                if j > i {
                    if scan.words[j - 1].joiner == Joiner::Break {
                        break;
                    }
                    h = fnv_update(h, b" ");
                }
                h = fnv_update(h, scan.norm(j).as_bytes());
                ends[n_ends] = (j, h);
                n_ends += 1;
            }
            for &(j, h) in ends[..n_ends].iter().rev() {
                // A name starts and ends on a capitalised word; lowercase words may sit inside
                // ("Bosnia and Herzegovina", "Port-au-Prince").
                if !scan.words[j].cap {
                    continue;
                }
                if j == i && self.directions.contains_key(&h) {
                    continue;
                }
                let c: Vec<Candidate> = self.gaz.lookup_hash(h).collect();
                if !c.is_empty() {
                    found = Some((j, c));
                    break;
                }
            }
            let Some((j, cands)) = found else {
                i += 1;
                continue;
            };
            let span = Span::new(w.start, scan.words[j].end);
            let single_word = j == i;
            // Demonyms are not places, but they hint at a country and may qualify a place.
            // A word that can be a demonym is read as one ("Malian", not the town of Malian).
            if cands.iter().any(|c| c.demonym) {
                // "the north Lebanese port" (describes a place named before it), as opposed to
                // "the Bosnian town of Gorazde" (describes the place named after it).
                let describes_previous = j + 1 < n
                    && self.place_noun_kind(wh[j + 1]).is_some()
                    && !(j + 2 < n && wh[j + 2] == self.of);
                for c in cands.iter().filter(|c| c.demonym) {
                    let p = self.gaz.place(c.place);
                    demonyms.push((si, i, p.cc, describes_previous));
                }
                i = j + 1;
                continue;
            }
            let cands: Vec<Candidate> = cands.into_iter().filter(|c| !c.demonym).collect();
            let mut hit = Hit {
                sentence: si,
                span,
                full: span,
                cands,
                cue: None,
                cue_word: None,
                type_hint: None,
                country_hint: None,
                qualifier: None,
                is_qualifier: false,
                direction: None,
                rejected: None,
                single_word,
                w0: i,
                w1: j,
                offset: false,
                unit_noun: None,
            };
            self.read_context(doc, scan, &wh, &mut hit, hits, first_hit);
            // "the Bosnian town of Gorazde": the demonym before the place noun.
            if hit.cue == Some(Cue::PlaceNoun) && i >= 3 {
                if let Some(d) = demonyms.iter().rev().find(|d| d.0 == si && d.1 + 3 == i) {
                    hit.country_hint = Some(d.2);
                }
            }
            // "in the Shujaiya district of Gaza": a sub-place known only through its parent.
            if hit.cue == Some(Cue::PlaceNoun) && i >= 3 && wh[i - 1] == self.of {
                let noun = i - 2;
                let is_demonym = |w: usize| demonyms.iter().any(|d| d.0 == si && d.1 == w);
                if self.part_nouns.contains(&wh[noun]) && noun >= 1 && !is_demonym(noun - 1) {
                    let mut k = noun;
                    while k > 0
                        && scan.words[k - 1].cap
                        && scan.words[k - 1].joiner != Joiner::Break
                        && noun - (k - 1) <= 3
                    {
                        k -= 1;
                    }
                    let already = hits[first_hit..]
                        .iter()
                        .any(|h| h.w1 + 1 == noun && h.rejected.is_none());
                    if k < noun && !already && k > 0 {
                        // The noun describes the part, not the parent: "district of Gaza" does
                        // not make Gaza a district.
                        hit.type_hint = None;
                        subs.push(SubPlace {
                            sentence: si,
                            span: Span::new(scan.words[k].start, scan.words[noun - 1].end),
                            parent: hits.len(),
                        });
                    }
                }
            }
            hits.push(hit);
            i = j + 1;
        }
        // "…in Tripoli as shells crashed into the north Lebanese port": a demonym with a place
        // noun describes the nearest place before it in the same sentence.
        for d in demonyms.iter().filter(|d| d.0 == si && d.3) {
            if let Some(h) = hits[first_hit..]
                .iter_mut()
                .rev()
                .find(|h| h.w1 < d.1 && d.1 - h.w1 <= 14)
            {
                if h.country_hint.is_none() {
                    h.country_hint = Some(d.2);
                }
            }
        }
        // Qualifiers: "Bam, Iran", "Hyderabad, Sindh".
        for k in first_hit..hits.len() {
            if k + 1 < hits.len() {
                let (a, b) = (&hits[k], &hits[k + 1]);
                let adjacent = b.w0 == a.w1 + 1 && scan.words[b.w0].comma_before;
                let b_is_area = b.cands.iter().any(|c| {
                    matches!(
                        self.gaz.place(c.place).kind,
                        PlaceKind::Country | PlaceKind::Region
                    )
                });
                let a_finer = a.cands.iter().any(|c| {
                    matches!(
                        self.gaz.place(c.place).kind,
                        PlaceKind::City | PlaceKind::Point | PlaceKind::Region
                    )
                });
                if adjacent && b_is_area && a_finer && a.rejected.is_none() {
                    hits[k].qualifier = Some(k + 1);
                    hits[k + 1].is_qualifier = true;
                }
            }
        }
    }

    /// Cues before and after a hit, and the reasons to reject it.
    fn read_context(
        &self,
        doc: &Doc,
        scan: &Scan,
        wh: &[u64],
        hit: &mut Hit,
        hits: &[Hit],
        first_hit: usize,
    ) {
        let (i, j) = (hit.w0, hit.w1);
        let n = scan.words.len();
        let words = &scan.words;
        let prev = i.checked_sub(1);
        let joined = |a: usize| words[a].joiner != Joiner::Break;
        // Before.
        if let Some(p) = prev {
            let pw = words[p];
            if (!pw.cap || pw.initial) && self.locative.contains(&wh[p]) {
                hit.cue = Some(Cue::Preposition);
                hit.cue_word = Some(scan.norm(p).to_string());
            } else if wh[p] == self.of && p >= 1 {
                if let Some(kind) = self.place_noun_kind(wh[p - 1]) {
                    hit.cue = Some(Cue::PlaceNoun);
                    hit.type_hint = Some(kind);
                    hit.cue_word = Some(format!("{} of", scan.norm(p - 1)));
                } else if self.directions.contains_key(&wh[p - 1]) {
                    // "50 km south of Baghdad"
                    hit.cue = Some(Cue::Preposition);
                    hit.cue_word = Some(format!("{} of", scan.norm(p - 1)));
                    hit.offset = p >= 2
                        && matches!(
                            scan.norm(p - 2),
                            "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "miles" | "mile"
                        );
                }
            } else if let Some(&dir) = self.directions.get(&wh[p]).filter(|_| joined(p)) {
                let mut start = pw.start;
                // "north-east"
                if p >= 1
                    && words[p - 1].joiner == Joiner::Hyphen
                    && self.directions.contains_key(&wh[p - 1])
                {
                    start = words[p - 1].start;
                }
                hit.direction = Some(dir);
                hit.full = Span::new(start, hit.span.end);
                hit.cue = Some(Cue::Direction);
                hit.cue_word = Some(dir.0.to_string());
            }
            if pw.cap && self.titles.contains(&wh[p]) {
                hit.rejected = Some("person_title");
            }
            if !pw.cap && self.particles.contains(&wh[p]) && joined(p) {
                hit.rejected = Some("person_name_particle");
            }
        }
        // Whether the text marks the name as a place before it ("in", "the town of", "northern"):
        // a place noun after it may belong to a longer name ("the Ain Zara district").
        let cue_before = hit.cue.is_some();
        // After.
        if j + 1 < n {
            let nw = words[j + 1];
            if words[j].joiner == Joiner::Hyphen && wh[j + 1] == self.based {
                hit.cue = Some(Cue::Based);
                hit.cue_word = Some("-based".into());
            } else if joined(j) {
                if let Some(kind) = self.place_noun_kind(wh[j + 1]) {
                    hit.type_hint = Some(kind);
                    hit.unit_noun = words::unit_countries(scan.norm(j + 1));
                    if hit.cue.is_none() {
                        hit.cue = Some(Cue::PlaceNoun);
                        hit.cue_word = Some(scan.norm(j + 1).to_string());
                    }
                }
            }
            // A capitalised word right after, which is not a place noun: part of a longer name
            // ("Paris Hilton", "Jordan Peterson").
            let ordinary_next = self.followers.contains(&wh[j + 1])
                || self.function_words.contains(&wh[j + 1])
                || self.never.contains(&wh[j + 1])
                || self.common.contains(&wh[j + 1]);
            if nw.cap && joined(j) && !ordinary_next {
                hit.rejected = hit.rejected.or(Some("followed_by_name"));
            }
        }
        // A capitalised word right before that is not a place itself: a name ("Kenzo Oshima").
        if let Some(p) = prev {
            let pw = words[p];
            let prev_is_hit = hits[first_hit..]
                .last()
                .is_some_and(|h| h.w1 == p && h.rejected.is_none());
            let function_word = self.common.contains(&wh[p]) || self.locative.contains(&wh[p]);
            // "the Sudanese Darfur region", "the North Darfur state", "the Al Anbar province":
            // a describing or grammatical word, not the first half of a name.
            let describing = self.directions.contains_key(&wh[p])
                || self.particles.contains(&wh[p])
                || self.gaz.lookup_hash(wh[p]).any(|c| c.demonym);
            let name_before_noun = hit.cue == Some(Cue::PlaceNoun) && !cue_before && !describing;
            if (hit.cue.is_none() || name_before_noun)
                && pw.cap
                && joined(p)
                && !prev_is_hit
                && !self.titles.contains(&wh[p])
                && !function_word
            {
                hit.rejected = hit.rejected.or(Some("inside_longer_name"));
            }
        }
        let kinds: Vec<PlaceKind> = hit
            .cands
            .iter()
            .map(|c| self.gaz.place(c.place).kind)
            .collect();
        let any_country = kinds.contains(&PlaceKind::Country);
        let strong = matches!(
            hit.cue,
            Some(Cue::Preposition | Cue::PlaceNoun | Cue::Based | Cue::Direction | Cue::Dateline)
        );
        let major = hit.cands.iter().any(|c| {
            let p = self.gaz.place(c.place);
            p.is_capital() || p.is_major()
        });
        let w = words[i];
        if hit.single_word && self.never.contains(&wh[i]) {
            hit.rejected = Some("never_a_place");
        }
        if hit.single_word {
            let len = w.end - w.start;
            if len < 3 {
                hit.rejected = hit.rejected.or(Some("too_short"));
            }
            // Acronyms ("AU", "MSF"): only a country spelled that way ("US", "DRC") counts.
            if w.all_caps && len <= 4 && !any_country {
                hit.rejected = hit.rejected.or(Some("acronym"));
            }
            // "the Department of Justice" is not a place: only a preposition lifts a common word.
            let lifted = matches!(hit.cue, Some(Cue::Preposition | Cue::Based | Cue::Dateline));
            if !lifted && self.common.contains(&wh[i]) && !any_country {
                hit.rejected = hit.rejected.or(Some("common_word"));
            }
        }
        // Country names without a cue are actors, not locations ("Sudan said…").
        if any_country && !strong {
            hit.rejected = hit.rejected.or(Some("country_not_locative"));
        }
        // Headlines capitalise everything: only well-known places or cued ones.
        if doc.sentences[hit.sentence].headline && !strong && !major {
            hit.rejected = hit.rejected.or(Some("headline_without_cue"));
        }
        // Inside a person or organisation name the actors stage found: only with a cue
        // ("Goma-based militias", "the Red Crescent in Bam").
        if !strong {
            let inside = doc.actors.iter().any(|a| {
                matches!(a.kind, ActorKind::Person | ActorKind::Organization)
                    && a.span.contains(hit.span)
            });
            if inside {
                hit.rejected = hit.rejected.or(Some("inside_actor_name"));
            }
        }
        if strong && cue_before && hit.rejected == Some("inside_longer_name") {
            hit.rejected = None;
        }
        // A capitalised first word says nothing: a lesser-known name there needs a cue.
        if w.initial && hit.single_word && !strong && !major && !any_country {
            hit.rejected = hit.rejected.or(Some("sentence_initial_without_cue"));
        }
    }

    /// The dateline as a hit: "GOMA, Congo".
    fn dateline_hit(&self, doc: &Doc) -> Option<(Hit, Option<Hit>)> {
        let d = doc.article.dateline.as_ref()?;
        let text = doc.text();
        if d.span.end > text.len()
            || !text.is_char_boundary(d.span.start)
            || !text.is_char_boundary(d.span.end)
        {
            return None;
        }
        let region = &text[d.span.start..d.span.end];
        let mut parts = d.place.split(',');
        let city = parts.next()?.trim();
        let qual = parts.next().map(str::trim).filter(|q| !q.is_empty());
        let find = |s: &str| {
            region
                .find(s)
                .map(|o| Span::new(d.span.start + o, d.span.start + o + s.len()))
        };
        let span = find(city).unwrap_or(d.span);
        let sentence = doc.sentence_at(span.start).unwrap_or(0);
        let mk = |span: Span, name: &str| {
            let cands: Vec<Candidate> = self.gaz.lookup(name).filter(|c| !c.demonym).collect();
            Hit {
                sentence,
                span,
                full: span,
                cands,
                cue: Some(Cue::Dateline),
                cue_word: None,
                type_hint: None,
                country_hint: None,
                qualifier: None,
                is_qualifier: false,
                direction: None,
                rejected: None,
                single_word: false,
                w0: 0,
                w1: 0,
                offset: false,
                unit_noun: None,
            }
        };
        let main = mk(span, city);
        let q = qual.map(|q| mk(find(q).unwrap_or(span), q));
        Some((main, q))
    }

    /// Score one candidate of a hit. Reasons are collected only when `reasons` is given.
    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        p: &Place,
        hit: &Hit,
        qualifier: Option<&Place>,
        focus: Option<[u8; 2]>,
        story: &HashMap<[u8; 2], f32>,
        anchors: &[(usize, f32, f32)],
        self_idx: usize,
        mut reasons: Option<&mut Vec<String>>,
    ) -> f32 {
        let mut s = 0.0;
        let mut why = |r: String| {
            if let Some(v) = reasons.as_deref_mut() {
                v.push(r)
            }
        };
        if let Some(q) = qualifier {
            if q.kind == PlaceKind::Region
                && q.cc == p.cc
                && normalize::normalize(q.admin1) == normalize::normalize(p.admin1)
            {
                s += 12.0;
                why(format!("places.pick.qualifier_region={}", q.name));
            } else if q.cc == p.cc {
                s += 10.0;
                why(format!("places.pick.qualifier_country={}", q.cc_str()));
            }
        }
        if let Some(cc) = hit.country_hint {
            if cc == p.cc {
                s += 6.0;
                why(format!("places.pick.described_as={}", p.cc_str()));
            }
        }
        if let Some(t) = hit.type_hint {
            if t == p.kind {
                s += 4.0;
                why(format!("places.pick.kind={:?}", t).to_lowercase());
            } else if !(t == PlaceKind::City && p.kind == PlaceKind::Point) {
                s -= 2.0;
            }
        }
        if let Some(ccs) = hit.unit_noun {
            // "Niger state" is a Nigerian state, not the country; "Plateau state" is not
            // Benin's Plateau department
            if p.kind == PlaceKind::Region && ccs.iter().any(|c| c.as_bytes() == p.cc) {
                s += 6.0;
                why(format!("places.pick.unit_noun={}", p.cc_str()));
            } else if p.kind == PlaceKind::Country {
                s -= 4.0;
            }
        }
        if focus == Some(p.cc) {
            s += 3.0;
            why(format!("places.pick.focus_country={}", p.cc_str()));
        } else if let Some(&v) = story.get(&p.cc) {
            s += 1.5_f32.min(0.75 * v);
            why(format!("places.pick.story_country={}", p.cc_str()));
        }
        match p.kind {
            PlaceKind::Country => {
                s += 3.0;
                why("places.pick.country".into());
            }
            PlaceKind::Region => s += 0.8,
            _ => {}
        }
        if p.is_capital() {
            s += 2.5;
            why("places.pick.capital".into());
        } else if p.is_major() {
            s += 1.5;
            why("places.pick.major_city".into());
        } else if p.is_admin_seat() {
            s += 1.0;
            why("places.pick.admin_seat".into());
        }
        if p.population > 0 {
            s += 0.5 * (p.population as f32).log10().min(8.0);
            why(format!("places.pick.population={}", p.population));
        }
        if p.lat.is_none() {
            s -= 0.5;
        }
        if let (Some(la), Some(lo)) = (p.lat, p.lon) {
            if p.kind != PlaceKind::Country {
                let near = anchors
                    .iter()
                    .filter(|a| a.0 != self_idx)
                    .any(|&(_, a, b)| distance_km(la, lo, a, b) < 250.0);
                if near {
                    s += 1.5;
                    why("places.pick.near_other_place".into());
                }
            }
        }
        s
    }

    fn choose(
        &self,
        hits: &[Hit],
        k: usize,
        choices: &[Option<Choice>],
        focus: Option<[u8; 2]>,
        story: &HashMap<[u8; 2], f32>,
        anchors: &[(usize, f32, f32)],
    ) -> Option<Choice> {
        let hit = &hits[k];
        let qualifier = hit
            .qualifier
            .and_then(|q| choices.get(q).and_then(|c| c.as_ref()))
            .map(|c| self.gaz.place(c.place));
        let qualifier = qualifier.or_else(|| {
            // Before the qualifier itself is chosen: its best candidate on its own.
            let q = &hits[hit.qualifier?];
            q.cands
                .iter()
                .map(|c| self.gaz.place(c.place))
                .find(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
        });
        let mut best: Option<(u32, f32)> = None;
        for c in &hit.cands {
            let p = self.gaz.place(c.place);
            let s = self.score(&p, hit, qualifier.as_ref(), focus, story, anchors, k, None);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((c.place, s));
            }
        }
        let (place, _) = best?;
        let mut reasons = Vec::new();
        let p = self.gaz.place(place);
        self.score(
            &p,
            hit,
            qualifier.as_ref(),
            focus,
            story,
            anchors,
            k,
            Some(&mut reasons),
        );
        Some(Choice {
            place,
            reasons,
            n_cands: hit.cands.len(),
        })
    }

    fn mention(&self, hit: &Hit, choice: &Choice) -> PlaceMention {
        let p = self.gaz.place(choice.place);
        let mut rules = vec!["places.toponym".to_string()];
        if let Some(c) = hit.cue {
            rules.push(c.rule().to_string());
        }
        rules.push(match p.geonames_id {
            Some(id) => format!("geonames:{id}"),
            None => format!("gazetteer:{}/{}", p.cc_str(), p.name),
        });
        if choice.n_cands > 1 {
            rules.push(format!("places.candidates={}", choice.n_cands));
            rules.extend(choice.reasons.iter().cloned());
        }
        let (mut lat, mut lon, mut precision) = (
            p.lat.map(f64::from),
            p.lon.map(f64::from),
            p.kind.precision(),
        );
        let mut span = hit.span;
        if let Some((word, dn, de)) = hit.direction {
            if matches!(p.kind, PlaceKind::Country | PlaceKind::Region) {
                span = hit.full;
                precision = PlacePrecision::Region;
                rules.push(format!("places.part_of.{word}"));
                if let (Some(info), Some(la), Some(lo)) = (
                    self.gaz
                        .country_by_alpha2(p.cc)
                        .filter(|_| p.kind == PlaceKind::Country),
                    p.lat,
                    p.lon,
                ) {
                    let b = info.bbox;
                    let la2 = if dn >= 0.0 {
                        la + dn * (b[2] - la)
                    } else {
                        la + dn * (la - b[0])
                    };
                    let lo2 = if de >= 0.0 {
                        lo + de * (b[3] - lo)
                    } else {
                        lo + de * (lo - b[1])
                    };
                    lat = Some(la2 as f64);
                    lon = Some(lo2 as f64);
                }
            }
        }
        // "50 km north of Beni": the named town is the reference point, as an analyst codes
        // it, but the scene is out in its surroundings, not in the town.
        if hit.offset && matches!(precision, PlacePrecision::City | PlacePrecision::Point) {
            precision = PlacePrecision::Region;
            rules.push("places.offset_from".to_string());
        }
        PlaceMention {
            span,
            sentence: hit.sentence,
            name: p.name.to_string(),
            country: self.gaz.alpha3(p.cc).map(str::to_string),
            admin1: (!p.admin1.is_empty() && p.kind != PlaceKind::Country)
                .then(|| p.admin1.to_string()),
            lat,
            lon,
            precision,
            geonames_id: p.geonames_id.map(u64::from),
            rules,
        }
    }
}

impl Stage for PlaceRecognizer {
    fn name(&self) -> &'static str {
        STAGE
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Actors]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Places]
    }
    fn run(&self, doc: &mut Doc) {
        let mut scan = Scan::default();
        let mut hits: Vec<Hit> = Vec::new();
        let mut subs = Vec::new();
        let mut anaphors = Vec::new();
        let mut demonyms = Vec::new();
        let mut dateline_idx = None;
        if let Some((main, qual)) = self.dateline_hit(doc) {
            dateline_idx = Some(hits.len());
            let has_q = qual.is_some();
            hits.push(main);
            if let Some(mut q) = qual {
                q.is_qualifier = true;
                hits.push(q);
            }
            if has_q {
                hits[dateline_idx.unwrap()].qualifier = Some(dateline_idx.unwrap() + 1);
            }
        }
        for si in 0..doc.sentences.len() {
            self.scan_sentence(
                doc,
                si,
                &mut scan,
                &mut hits,
                &mut subs,
                &mut anaphors,
                &mut demonyms,
            );
        }

        // Story countries: every country named (as place, actor or adjective), weighted.
        let mut story: HashMap<[u8; 2], f32> = HashMap::new();
        for h in &hits {
            let w = if h.cue == Some(Cue::Dateline) {
                3.0
            } else {
                1.0
            };
            let mut ccs: Vec<[u8; 2]> = h
                .cands
                .iter()
                .map(|c| self.gaz.place(c.place))
                .filter(|p| p.kind == PlaceKind::Country)
                .map(|p| p.cc)
                .collect();
            if ccs.is_empty() && h.cands.len() == 1 && h.rejected.is_none() && h.cue.is_some() {
                ccs.push(self.gaz.place(h.cands[0].place).cc);
            }
            for cc in ccs {
                *story.entry(cc).or_default() += w;
            }
        }
        for d in &demonyms {
            *story.entry(d.2).or_default() += 1.0;
        }
        for a in &doc.actors {
            if let Some(info) = a
                .country
                .as_deref()
                .and_then(|c| self.gaz.country_by_alpha3(c))
            {
                *story.entry(info.alpha2).or_default() += 1.0;
            }
        }
        let mut focus: Option<[u8; 2]> = match doc.focus.country.as_deref() {
            Some(a3) => self.gaz.country_by_alpha3(a3).map(|c| c.alpha2),
            None => {
                let mut v: Vec<(&[u8; 2], &f32)> = story.iter().collect();
                v.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
                let top = v
                    .first()
                    .filter(|t| v.get(1).is_none_or(|s| s.1 < t.1))
                    .map(|t| *t.0);
                if let Some(cc) = top {
                    if let Some(a3) = self.gaz.alpha3(cc) {
                        doc.focus.country = Some(a3.to_string());
                        doc.focus
                            .rules
                            .push("places.focus_country.most_mentioned".into());
                        doc.trace(STAGE, None, || {
                            format!("focus country {a3}: most mentioned country in the story")
                        });
                    }
                }
                top
            }
        };

        // Choose: first on its own, then again with the unambiguous places as anchors.
        let mut choices: Vec<Option<Choice>> = vec![None; hits.len()];
        for k in 0..hits.len() {
            if hits[k].rejected.is_none() {
                choices[k] = self.choose(&hits, k, &choices, focus, &story, &[]);
            }
        }
        if focus.is_none() {
            // No country stands out from names alone: count the countries of the places chosen.
            let mut votes: HashMap<[u8; 2], f32> = story.clone();
            for (k, c) in choices.iter().enumerate() {
                if let (Some(c), None) = (c, hits[k].rejected) {
                    *votes.entry(self.gaz.place(c.place).cc).or_default() += 1.0;
                }
            }
            let mut v: Vec<([u8; 2], f32)> = votes.into_iter().collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            if let Some(top) = v.first().filter(|t| v.get(1).is_none_or(|s| s.1 < t.1)) {
                if let Some(a3) = self.gaz.alpha3(top.0) {
                    focus = Some(top.0);
                    doc.focus.country = Some(a3.to_string());
                    doc.focus
                        .rules
                        .push("places.focus_country.places_chosen".into());
                    doc.trace(STAGE, None, || {
                        format!("focus country {a3}: most places in the story are there")
                    });
                }
            }
        }
        let anchors: Vec<(usize, f32, f32)> = (0..hits.len())
            .filter(|&k| hits[k].rejected.is_none() && hits[k].cands.len() == 1)
            .filter_map(|k| {
                let p = self.gaz.place(choices[k].as_ref()?.place);
                (p.kind != PlaceKind::Country).then_some((k, p.lat?, p.lon?))
            })
            .collect();
        if !anchors.is_empty() || focus.is_some() {
            for k in 0..hits.len() {
                if hits[k].rejected.is_none() && hits[k].cands.len() > 1 {
                    choices[k] = self.choose(&hits, k, &choices, focus, &story, &anchors);
                }
            }
        }

        // A name with no cue that would put part of the story in a country nothing else in it
        // mentions is more likely a word or a name than a place ("the Syrian-backed Amal
        // militia" is not Amal in Sweden).
        // With no country in the story at all, a lesser-known one-word name with no cue is
        // too weak to stand alone ("…after Nixon resigned").
        for k in 0..hits.len() {
            let (h, Some(c)) = (&hits[k], &choices[k]) else {
                continue;
            };
            if h.cue.is_some() || h.rejected.is_some() {
                continue;
            }
            let p = self.gaz.place(c.place);
            let known = p.is_capital() || p.is_major();
            let in_story = focus == Some(p.cc) || story.contains_key(&p.cc);
            if !in_story && (focus.is_some() || !story.is_empty()) && !known {
                hits[k].rejected = Some("off_story_without_cue");
            } else if !in_story && h.single_word && !known {
                hits[k].rejected = Some("lone_name_without_cue");
            }
        }

        // Emit mentions in text order.
        let mut out: Vec<(PlaceMention, Option<usize>)> = Vec::new();
        for (k, hit) in hits.iter().enumerate() {
            if let Some(r) = hit.rejected {
                if doc.explain {
                    let t = doc.slice(hit.span).to_string();
                    doc.trace(STAGE, Some(hit.span), || {
                        format!("not a place: '{t}' ({r})")
                    });
                }
                continue;
            }
            if hit.is_qualifier {
                continue;
            }
            let Some(choice) = &choices[k] else {
                continue;
            };
            let mut m = self.mention(hit, choice);
            if Some(k) == dateline_idx {
                m.rules.insert(1, "places.dateline".into());
            }
            if doc.explain {
                let text = doc.slice(m.span).to_string();
                let summary = format!(
                    "'{text}' → {} ({}, {}) {:?}; {}",
                    m.name,
                    m.admin1.as_deref().unwrap_or("-"),
                    m.country.as_deref().unwrap_or("-"),
                    m.precision,
                    m.rules.join(", ")
                );
                doc.trace(STAGE, Some(m.span), || summary);
            }
            out.push((m, Some(k)));
        }
        for s in &subs {
            let Some(pi) = out.iter().position(|(_, k)| *k == Some(s.parent)) else {
                continue;
            };
            let parent = out[pi].0.clone();
            let name = doc.slice(s.span).to_string();
            let parent_name = parent.name.clone();
            let mut rules = vec![
                "places.sub_place_of".to_string(),
                format!("places.parent={}", parent.name),
            ];
            rules.extend(
                parent
                    .rules
                    .iter()
                    .filter(|r| r.starts_with("gazetteer:") || r.starts_with("geonames:"))
                    .cloned(),
            );
            let m = PlaceMention {
                span: s.span,
                sentence: s.sentence,
                name: name.clone(),
                admin1: parent.admin1.clone(),
                country: parent.country.clone(),
                lat: parent.lat,
                lon: parent.lon,
                precision: parent.precision,
                geonames_id: None,
                rules,
            };
            doc.trace(STAGE, Some(s.span), || {
                format!("'{name}' is part of {parent_name}: its coordinates")
            });
            out.push((m, None));
        }
        out.sort_by_key(|(m, _)| m.span.start);
        for a in &anaphors {
            let Some(prev) = out
                .iter()
                .filter(|(m, k)| m.span.end <= a.span.start && k.is_some())
                .rev()
                .find(|(m, _)| match a.kind {
                    PlaceKind::Country => m.precision == PlacePrecision::Country,
                    PlaceKind::Region => m.precision == PlacePrecision::Region,
                    _ => matches!(m.precision, PlacePrecision::City | PlacePrecision::Point),
                })
                .map(|(m, _)| m.clone())
            else {
                continue;
            };
            let mut m = prev;
            m.span = a.span;
            m.sentence = a.sentence;
            m.rules = vec![
                "places.anaphor".to_string(),
                format!("places.antecedent={}", m.name),
            ];
            if doc.explain {
                let t = doc.slice(a.span).to_string();
                let name = m.name.clone();
                doc.trace(STAGE, Some(a.span), || {
                    format!("'{t}' refers back to {name}")
                });
            }
            out.push((m, None));
        }
        out.sort_by_key(|(m, _)| m.span.start);
        let dateline_span = dateline_idx.map(|k| hits[k].span);
        doc.places = out.into_iter().map(|(m, _)| m).collect();
        set_focus_place(doc, dateline_span);
    }
}

/// The article's main place: the dateline, else the most mentioned place, finest first.
fn set_focus_place(doc: &mut Doc, dateline: Option<Span>) {
    if doc.places.is_empty() {
        return;
    }
    if let Some(i) = dateline.and_then(|d| doc.places.iter().position(|p| p.span == d)) {
        doc.focus.place = Some(i);
        doc.focus.rules.push("places.focus_place.dateline".into());
        return;
    }
    let rank = |p: PlacePrecision| match p {
        PlacePrecision::Point | PlacePrecision::City => 0u8,
        PlacePrecision::Region => 1,
        PlacePrecision::Country => 2,
    };
    let mut counts: HashMap<(String, Option<String>, u8), (usize, usize)> = HashMap::new();
    for (i, p) in doc.places.iter().enumerate() {
        let e = counts
            .entry((p.name.clone(), p.country.clone(), rank(p.precision)))
            .or_insert((0, i));
        e.0 += 1;
    }
    let best = counts
        .into_iter()
        .min_by(|a, b| {
            a.0 .2
                .cmp(&b.0 .2)
                .then(b.1 .0.cmp(&a.1 .0))
                .then(a.1 .1.cmp(&b.1 .1))
        })
        .map(|(_, (_, i))| i);
    if let Some(i) = best {
        doc.focus.place = Some(i);
        doc.focus
            .rules
            .push("places.focus_place.most_mentioned".into());
        let name = doc.places[i].name.clone();
        doc.trace(STAGE, Some(doc.places[i].span), || {
            format!("main place: {name}")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{Article, Dateline};

    fn recognizer() -> &'static PlaceRecognizer {
        static R: std::sync::OnceLock<PlaceRecognizer> = std::sync::OnceLock::new();
        R.get_or_init(|| PlaceRecognizer::new(Arc::new(Gazetteer::embedded())))
    }

    fn run(text: &str) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        doc.explain = true;
        recognizer().run(&mut doc);
        doc
    }

    /// "text as written => name/CC/precision" for every place found.
    fn found(text: &str) -> Vec<String> {
        let doc = run(text);
        doc.places
            .iter()
            .map(|p| {
                format!(
                    "{}=>{}/{}/{:?}",
                    doc.slice(p.span),
                    p.name,
                    p.country.as_deref().unwrap_or("-"),
                    p.precision
                )
            })
            .collect()
    }

    #[test]
    fn toponyms_in_context() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Rebels attacked an army post near Goma on Tuesday.",
                &["Goma=>Goma/COD/City"],
            ),
            (
                "Fighting spread across northern Mali last week.",
                &["northern Mali=>Mali/MLI/Region"],
            ),
            (
                "Police fired tear gas at protesters in Port-au-Prince.",
                &["Port-au-Prince=>Port-au-Prince/HTI/City"],
            ),
            (
                "Goma-based militias have denied the charge.",
                &["Goma=>Goma/COD/City"],
            ),
            (
                "Shells fell on the Shujaiya district of Gaza overnight.",
                &["Shujaiya=>Shujaiya/PSE/City", "Gaza=>Gaza/PSE/City"],
            ),
            (
                "Aid reached the besieged Bosnian town of Gorazde.",
                &["Gorazde=>Gorazde/BIH/City"],
            ),
            (
                "Troops were deployed in Sudan after the coup.",
                &["Sudan=>Sudan/SDN/Country"],
            ),
            (
                // the unit word says which country names its regions so
                "Bandits raided two villages in Niger state overnight.",
                &["Niger=>Niger/NGA/Region"],
            ),
            (
                "Bandits raided two villages in Plateau state overnight.",
                &["Plateau=>Plateau/NGA/Region"],
            ),
            (
                "Floods cut roads in the Atlantique department.",
                &["Atlantique=>Atlantique/BEN/Region"],
            ),
            (
                "Swiss doctors handed over medicine in Bam, Iran, on Monday.",
                &["Bam=>Bam/IRN/City"],
            ),
            (
                "The convoy was ambushed in the western province of Herat.",
                &["Herat=>Herat/AFG/Region"],
            ),
            (
                "Talks resumed in Geneva on Monday.",
                &["Geneva=>Geneve/CHE/City"],
            ),
            // The place noun after a two-word name belongs to the whole name: "Zara" alone is
            // a town in Turkey, not the district the story is about.
            (
                "Militias fought in the Ain Zara district of Tripoli on Monday.",
                &["Ain Zara=>Ain Zara/LBY/City", "Tripoli=>Tripoli/LBY/City"],
            ),
            // A distance from a town puts the scene in the town's surroundings.
            (
                "Rebels burned a village 40 km west of Goma on Friday.",
                &["Goma=>Goma/COD/Region"],
            ),
            (
                "Rebels burned a village west of Goma on Friday.",
                &["Goma=>Goma/COD/City"],
            ),
            // A demonym or a direction before a region is not part of its name.
            (
                "Fighting spread to the Syrian Idlib province on Monday.",
                &["Idlib=>Idlib/SYR/Region"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn not_places() {
        let cases: &[&str] = &[
            // countries as actors, demonyms as adjectives
            "Sudan accused Chad of arming the rebels.",
            "Malian troops pushed back the fighters.",
            // common words and person names that are also towns somewhere
            "Police said the Union would meet on Friday.",
            "President Jordan Peterson spoke to reporters.",
            "The envoy Kenzo Oshima urged restraint.",
            "Officials from the AU and MSF met.",
        ];
        for text in cases {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn hyderabad_follows_the_story() {
        let pk = found("Pakistani police said gunmen opened fire in Hyderabad, killing four people in Sindh province.");
        assert_eq!(pk[0], "Hyderabad=>Hyderabad/PAK/City", "{pk:?}");
        let india = found("Indian police said gunmen opened fire in Hyderabad on Monday.");
        assert_eq!(india[0], "Hyderabad=>Hyderabad/IND/City", "{india:?}");
        let doc = run("Pakistani police said gunmen opened fire in Hyderabad.");
        let rules = &doc.places[0].rules;
        assert!(
            rules.iter().any(|r| r == "places.pick.focus_country=PK"),
            "{rules:?}"
        );
        assert!(doc.trace.iter().any(|t| t.message.contains("Hyderabad")));
    }

    #[test]
    fn a_big_city_named_like_its_province_is_the_city() {
        // "Santa Cruz" in a Bolivian story: the city of 1.6 million, not the department.
        let bo = found("Bolivian police cleared a road block outside Santa Cruz on Monday.");
        assert_eq!(bo[0], "Santa Cruz=>Santa Cruz de la Sierra/BOL/City", "{bo:?}");
    }

    #[test]
    fn qualifiers_and_descriptions_pick_the_country() {
        let lb =
            found("Militias clashed in Tripoli as shells crashed into the north Lebanese port.");
        assert_eq!(lb[0], "Tripoli=>Tripoli/LBN/City", "{lb:?}");
        let ly = found("Militias clashed in Tripoli on Friday.");
        assert_eq!(ly[0], "Tripoli=>Tripoli/LBY/City", "{ly:?}");
        let q = found("Gunmen attacked a checkpoint in Tripoli, Lebanon.");
        assert_eq!(q, ["Tripoli=>Tripoli/LBN/City"]);
    }

    #[test]
    fn city_anaphor_and_focus_place() {
        let doc = run("Rebels entered Goma on Sunday. They later seized the city's airport.");
        let names: Vec<(&str, &str)> = doc
            .places
            .iter()
            .map(|p| (doc.slice(p.span), p.name.as_str()))
            .collect();
        assert_eq!(names, [("Goma", "Goma"), ("the city's airport", "Goma")]);
        assert_eq!(doc.focus.place, Some(0));
        assert_eq!(doc.focus.country.as_deref(), Some("COD"));
    }

    #[test]
    fn dateline_is_the_main_place() {
        let text =
            "KABUL, Afghanistan (AP) — A bomb exploded near a market in Jalalabad on Monday.";
        let mut doc = sitrep_text::prepare(text);
        doc.article = Article {
            dateline: Some(Dateline {
                place: "KABUL, Afghanistan".into(),
                agency: Some("AP".into()),
                span: Span::new(0, text.find('—').unwrap() + '—'.len_utf8()),
            }),
            ..doc.article.clone()
        };
        recognizer().run(&mut doc);
        let names: Vec<&str> = doc.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Kabul", "Jalalabad"]);
        assert_eq!(doc.focus.place, Some(0));
        assert!(doc.places[0].rules.iter().any(|r| r == "places.dateline"));
        assert_eq!(doc.places[1].country.as_deref(), Some("AFG"));
    }

    fn with_actor(text: &str, actor: &str, kind: ActorKind) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        let at = text.find(actor).unwrap();
        let span = Span::new(at, at + actor.len());
        doc.actors.push(sitrep_core::ActorMention {
            span,
            head: span,
            sentence: 0,
            kind,
            name: actor.into(),
            code: "REB".into(),
            country: None,
            sector: None,
            acled_inter: None,
            refers_to: None,
            rules: vec![],
        });
        recognizer().run(&mut doc);
        doc
    }

    #[test]
    fn places_inside_actor_names_need_a_cue() {
        let doc = with_actor(
            "The Mosul Brigade attacked a checkpoint.",
            "The Mosul Brigade",
            ActorKind::Organization,
        );
        assert!(doc.places.is_empty(), "{:?}", doc.places);
        let doc = with_actor(
            "Goma-based militias attacked a checkpoint.",
            "Goma-based militias",
            ActorKind::Organization,
        );
        assert_eq!(doc.places.len(), 1);
        assert!(doc.places[0]
            .rules
            .iter()
            .any(|r| r == "places.cue.x_based"));
    }

    #[test]
    fn focus_set_by_actors_is_used() {
        let mut doc = sitrep_text::prepare("Gunmen opened fire in Hyderabad on Monday.");
        doc.focus.country = Some("PAK".into());
        recognizer().run(&mut doc);
        assert_eq!(doc.places[0].country.as_deref(), Some("PAK"));
        assert!(doc.places[0]
            .rules
            .iter()
            .any(|r| r == "places.pick.focus_country=PK"));
    }
}
