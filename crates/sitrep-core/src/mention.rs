//! Mentions: things recognised in the text before events are coded.

use crate::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A country or its adjective used as an actor ("Sudan", "Malian").
    Country,
    /// A generic agent ("troops", "police", "protesters"), possibly with a country.
    Agent,
    /// A named organisation or armed group ("NATO", "Ansar Dine").
    Organization,
    /// A named person ("Col. Ahmed Musa").
    Person,
    /// A pronoun or definite description resolved to an earlier actor.
    Reference,
    /// A noun phrase that fills an event role without naming a known actor: the object of
    /// an attack or a complaint ("a school bus", "the results of the report", an unknown
    /// surname). Its `code` is empty unless the phrase itself names a country.
    Phrase,
}

/// An actor mention with its code. `code` is a CAMEO actor code ("SDNMIL", "IGOUNO", "REB").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// The whole phrase that names the actor ("troops loyal to the governor").
    pub span: Span,
    /// The head of the phrase, used for role assignment ("troops").
    pub head: Span,
    pub sentence: usize,
    pub kind: ActorKind,
    /// Canonical name ("Sudan", "Sudanese military", "Abdel Fattah al-Burhan").
    pub name: String,
    pub code: String,
    /// ISO 3166-1 alpha-3, when known.
    pub country: Option<String>,
    /// Sector/role ("GOV", "MIL", "REB", "CVL", …).
    pub sector: Option<String>,
    /// ACLED interaction code 1-8.
    pub acled_inter: Option<u8>,
    /// For `Reference` mentions: the index in `Doc::actors` it resolves to.
    pub refers_to: Option<usize>,
    /// Rule and dictionary-entry ids that produced this mention.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacePrecision {
    Point,
    City,
    Region,
    Country,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub sentence: usize,
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: PlacePrecision,
    pub geonames_id: Option<u64>,
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub sentence: usize,
    /// Resolved date; for week/month/year precision, the first day of that period.
    pub date: Option<Date>,
    pub precision: DatePrecision,
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyKind {
    Killed,
    Injured,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasualtyMention {
    /// The phrase with the figure and the casualty word ("at least nine people were killed").
    pub span: Span,
    pub sentence: usize,
    pub kind: CasualtyKind,
    /// Best single figure (the lower bound for "at least", midpoint-free: the low end of a range).
    pub count: u32,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub qualifier: crate::Qualifier,
    pub rules: Vec<String>,
}
