//! The `sitrep.event/1` output record: one self-contained JSON object per event.
//! `docs/event-schema.json` is its JSON Schema; keep the two in step.

use crate::event::EventDate;
use crate::{Acled, ActorKind, Doc, Event, Modality, PlacePrecision, Plover, Qualifier, Span};
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "sitrep.event/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordActor {
    pub text: String,
    pub name: String,
    /// CAMEO actor code; null when the actor was recognised but has no code (an unknown
    /// named person or group).
    pub code: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub acled_inter: Option<u8>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordLocation {
    pub text: String,
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: PlacePrecision,
    pub geonames_id: Option<u64>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordFatalities {
    pub killed: Option<u32>,
    pub killed_qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed_low: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed_high: Option<u32>,
    pub injured: Option<u32>,
    pub injured_qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured_low: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured_high: Option<u32>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEvidence {
    pub sentence: String,
    pub sentence_span: Span,
    pub trigger: String,
    pub trigger_span: Span,
    /// Further sentences reporting the same occurrence (after deduplication).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<Span>,
    pub rules: Vec<String>,
}

/// One event in the `sitrep.event/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub schema: String,
    pub event_id: String,
    pub article_id: String,
    pub source_name: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub date_text: Option<String>,
    pub cameo: String,
    pub cameo_root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Plover,
    pub acled: Option<Acled>,
    pub actor1: Option<RecordActor>,
    pub actor2: Option<RecordActor>,
    pub location: Option<RecordLocation>,
    pub fatalities: Option<RecordFatalities>,
    pub modality: Modality,
    pub attribution: Option<String>,
    pub evidence: RecordEvidence,
    pub confidence: f32,
}

/// 64-bit FNV-1a. Used for ids because it is fixed by definition: std's hasher may change
/// between Rust releases, and ids must not.
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.iter() {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl EventRecord {
    /// Flatten one event of `doc` into a record. `version` (sitrep's version) goes into the
    /// event id so ids are stable for a given input and release.
    pub fn from_event(doc: &Doc, event: &Event, version: &str) -> EventRecord {
        let a = &doc.article;
        let sent = &doc.sentences[event.sentence];
        let actor = |i: Option<usize>| {
            i.map(|i| {
                let m = &doc.actors[i];
                // A pronoun or definite description stands for an actor named elsewhere: the
                // record shows that naming mention, as coders do ("Rebels said they would
                // withdraw" has the rebels as source, not "they").
                let named = match (m.kind, m.refers_to) {
                    (ActorKind::Reference, Some(j)) => doc.actors.get(j).filter(|a| a.kind != ActorKind::Reference),
                    _ => None,
                };
                let span = named.map_or(m.span, |a| a.span);
                RecordActor {
                    text: doc.slice(span).to_string(),
                    name: m.name.clone(),
                    code: Some(m.code.clone()).filter(|c| !c.is_empty()),
                    country: m.country.clone(),
                    sector: m.sector.clone(),
                    acled_inter: m.acled_inter,
                    span,
                }
            })
        };
        let location = event.location.map(|i| {
            let p = &doc.places[i];
            RecordLocation {
                text: doc.slice(p.span).to_string(),
                name: p.name.clone(),
                country: p.country.clone(),
                admin1: p.admin1.clone(),
                lat: p.lat.map(round_coordinate),
                lon: p.lon.map(round_coordinate),
                precision: p.precision,
                geonames_id: p.geonames_id,
                span: p.span,
            }
        });
        let (date, date_precision, date_text) = match event.date {
            EventDate::Mention(i) => {
                let d = &doc.dates[i];
                (
                    d.date.map(|d| d.to_string()),
                    Some(precision_name(d.precision).to_string()),
                    Some(doc.slice(d.span).to_string()),
                )
            }
            EventDate::Published => (a.published.map(|d| d.to_string()), Some("day".into()), None),
            EventDate::Unknown => (None, None, None),
        };
        let fatalities = event.fatalities.as_ref().map(|f| RecordFatalities {
            killed: f.killed,
            killed_qualifier: f.killed_qualifier,
            killed_low: f.killed_low,
            killed_high: f.killed_high,
            injured: f.injured,
            injured_qualifier: f.injured_qualifier,
            injured_low: f.injured_low,
            injured_high: f.injured_high,
            text: f.text.clone(),
        });
        let id = stable_hash(&[
            version.as_bytes(),
            a.id.as_bytes(),
            &sent.span.start.to_le_bytes(),
            &event.trigger.start.to_le_bytes(),
            &event.trigger.end.to_le_bytes(),
            event.cameo.as_bytes(),
        ]);
        EventRecord {
            schema: SCHEMA.to_string(),
            event_id: format!("{id:016x}"),
            article_id: a.id.clone(),
            source_name: a.source_name.clone(),
            url: a.url.clone(),
            published: a.published.map(|d| d.to_string()),
            date,
            date_precision,
            date_text,
            cameo: event.cameo.clone(),
            cameo_root: event.cameo_root().to_string(),
            quad_class: event.quad_class,
            goldstein: event.goldstein,
            plover: event.plover.clone(),
            acled: event.acled.clone(),
            actor1: actor(event.source),
            actor2: actor(event.target),
            location,
            fatalities,
            modality: event.modality,
            attribution: event.attribution.clone(),
            evidence: RecordEvidence {
                sentence: doc.slice(sent.span).to_string(),
                sentence_span: sent.span,
                trigger: doc.slice(event.trigger).to_string(),
                trigger_span: event.trigger,
                also_in: event.also_in.iter().map(|&s| doc.sentences[s].span).collect(),
                rules: event.rules.clone(),
            },
            confidence: round_to(event.confidence as f64, 100.0) as f32,
        }
    }
}

/// Coordinates to 5 decimals (about 1 m): the gazetteer stores f32, whose widening to f64
/// would otherwise print noise digits.
fn round_coordinate(x: f64) -> f64 {
    round_to(x, 100_000.0)
}

fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

pub fn precision_name(p: crate::DatePrecision) -> &'static str {
    match p {
        crate::DatePrecision::Day => "day",
        crate::DatePrecision::Week => "week",
        crate::DatePrecision::Month => "month",
        crate::DatePrecision::Year => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Sentence};

    fn doc() -> Doc {
        let mut d = Doc::new(Article::new("art-1", "Rebels attacked a base."));
        d.sentences.push(Sentence { span: Span::new(0, 23), tokens: 0..0, block: 0, headline: false });
        d
    }

    #[test]
    fn record_carries_evidence_and_stable_id() {
        let d = doc();
        let e = Event::new(0, Span::new(7, 15), "190");
        let r1 = EventRecord::from_event(&d, &e, "0.1.0");
        let r2 = EventRecord::from_event(&d, &e, "0.1.0");
        assert_eq!(r1.event_id, r2.event_id);
        assert_eq!(r1.schema, SCHEMA);
        assert_eq!(r1.cameo_root, "19");
        assert_eq!(r1.evidence.trigger, "attacked");
        assert_eq!(r1.evidence.sentence, "Rebels attacked a base.");
        let other = EventRecord::from_event(&d, &e, "0.2.0");
        assert_ne!(r1.event_id, other.event_id);
        let json = serde_json::to_value(&r1).unwrap();
        assert_eq!(json["evidence"]["trigger_span"], serde_json::json!([7, 15]));
        assert_eq!(json["plover"]["type"], "");
    }

    fn actor(span: Span, kind: ActorKind, refers_to: Option<usize>) -> crate::ActorMention {
        crate::ActorMention {
            span,
            head: span,
            sentence: 0,
            kind,
            name: "rebels".into(),
            code: "REB".into(),
            country: None,
            sector: Some("REB".into()),
            acled_inter: Some(2),
            refers_to,
            rules: vec![],
        }
    }

    #[test]
    fn a_pronoun_in_a_role_is_reported_by_the_phrase_that_names_the_actor() {
        let text = "Rebels said they attacked a base.";
        let mut d = Doc::new(Article::new("art-2", text));
        d.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..0, block: 0, headline: false });
        d.actors.push(actor(Span::new(0, 6), ActorKind::Agent, None));
        d.actors.push(actor(Span::new(12, 16), ActorKind::Reference, Some(0)));
        let mut e = Event::new(0, Span::new(17, 25), "190");
        e.source = Some(1);
        let r = EventRecord::from_event(&d, &e, "0.1.0");
        let a1 = r.actor1.expect("source");
        assert_eq!(a1.text, "Rebels");
        assert_eq!(a1.span, Span::new(0, 6));
        // a reference whose antecedent is unknown keeps its own words
        d.actors[1].refers_to = None;
        let r = EventRecord::from_event(&d, &e, "0.1.0");
        assert_eq!(r.actor1.expect("source").text, "they");
    }
}
