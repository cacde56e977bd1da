//! Codebooks: CAMEO, PLOVER and ACLED, and the mappings between them.
//! This crate knows nothing about text: it maps codes to codes.

use sitrep_core::{Acled, Plover};

/// What sitrep knows about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: &'static str,
    pub description: &'static str,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
}

/// Look up a CAMEO event code ("190", "1823"). Unknown codes give `None`.
pub fn cameo(code: &str) -> Option<CameoInfo> {
    let _ = code;
    None
}

/// The PLOVER type, mode and context for a CAMEO code.
pub fn plover(code: &str) -> Option<Plover> {
    let _ = code;
    None
}

/// The ACLED event type, sub-event type and disorder type for a CAMEO code, given what is
/// known of the actors (sector codes such as "MIL", "REB", "CVL", and ACLED inter codes 1-8).
/// `None` where no ACLED type applies (most verbal events).
pub fn acled(code: &str, source: ActorSide<'_>, target: ActorSide<'_>) -> Option<Acled> {
    let _ = (code, source, target);
    None
}

/// The facts about one actor that ACLED typing needs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ActorSide<'a> {
    pub sector: Option<&'a str>,
    pub acled_inter: Option<u8>,
}
