//! Name keys: the one normalisation used both when an index is built (build script, GeoNames
//! import) and when text is looked up, so "Port-au-Prince", "port au prince" and
//! "PORT-AU-PRINCE" meet, and "Genève" meets "Geneve".
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it uses only `std`.

/// FNV-1a 64 offset basis. A key's hash is fixed by definition, so an index written by one
/// build reads in another.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Continue an FNV-1a hash over `bytes`.
#[inline]
pub fn fnv_update(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hash of an already normalised key.
#[inline]
pub fn key_hash(key: &str) -> u64 {
    fnv_update(FNV_OFFSET, key.as_bytes())
}

/// Fold one lowercase char to ASCII when it is a Latin letter with a diacritic.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ọ' | 'ố' | 'ồ' | 'ộ' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ụ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        _ => return None,
    })
}

/// Marks that transliterations use inside words and that readers drop ("Ma'rib", "Samarra'",
/// "N'Djamena"): removed, not turned into a word break.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʿ' | 'ʾ')
}

/// Append the normalised form of `s` to `out`: lowercase, diacritics folded, apostrophes
/// dropped, every other run of non-alphanumerics turned into one space, no leading or
/// trailing space.
pub fn normalize_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                for l in c.to_lowercase() {
                    match fold(l) {
                        Some(f) => out.push_str(f),
                        None => out.push(l),
                    }
                }
            }
        } else if is_apostrophe(c) {
            // dropped inside a word
        } else {
            pending_space = true;
        }
    }
}

/// The normalised key of a name.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Arabic article prefixes that transliterations keep or drop at will ("Al Fallujah" /
/// "Fallujah", "Ar-Raqqah" / "Raqqa"). Only applied to places in countries where Arabic
/// names are the norm, so "El Paso" is never indexed as "Paso".
pub const ARABIC_ARTICLES: &[&str] = &[
    "al ", "el ", "ar ", "as ", "ad ", "an ", "az ", "ash ", "at ", "ath ", "adh ",
];

/// Countries (ISO alpha-2) whose place names are mostly transliterated from Arabic.
pub const ARABIC_NAME_COUNTRIES: &[&str] = &[
    "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
    "SD", "SO", "SY", "TD", "TN", "YE",
];

/// Words that administrative names carry around the name people use ("Basra Governorate",
/// "Province of Herat", "Muhafazat Kirkuk"). Stripping them gives the short key.
pub const ADMIN_AFFIXES: &[&str] = &[
    "governorate",
    "province",
    "region",
    "district",
    "state",
    "department",
    "departement",
    "prefecture",
    "oblast",
    "kray",
    "krai",
    "county",
    "division",
    "municipality",
    "territory",
    "canton",
    "wilayah",
    "wilayat",
    "muhafazat",
    "mintaqat",
    "ostan e",
    "ostan",
    "provincia",
    "provincia de",
    "estado de",
    "estado",
    "departamento de",
    "region de",
    "region du",
    "region de la",
    "departement du",
    "departement de",
    "prefecture de",
    "province of",
    "state of",
    "republic of",
    "respublika",
    "autonomous republic",
    "autonomous region",
    "special region",
    "capital territory",
    "capital district",
    "governorate of",
    "division of",
    "district of",
    "the",
];

/// Variants of a normalised admin name without its administrative affixes, most useful first.
/// Empty when nothing was stripped.
pub fn admin_short_forms(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut affixes: Vec<&str> = ADMIN_AFFIXES.to_vec();
    affixes.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let mut k = key.to_string();
    // Strip repeatedly: "muhafazat kirkuk", "ostan e kerman", "province of herat".
    for _ in 0..3 {
        let mut changed = false;
        for a in &affixes {
            if let Some(rest) = k.strip_prefix(a).and_then(|r| r.strip_prefix(' ')) {
                k = rest.to_string();
                changed = true;
            }
            if let Some(rest) = k.strip_suffix(a).and_then(|r| r.strip_suffix(' ')) {
                k = rest.to_string();
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    if k != key && k.len() >= 3 {
        out.push(k);
    }
    out
}

/// The key without a leading Arabic article, if it had one.
pub fn without_arabic_article(key: &str) -> Option<&str> {
    ARABIC_ARTICLES
        .iter()
        .find_map(|a| key.strip_prefix(a))
        .filter(|r| r.len() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_meet_across_spellings() {
        for (a, b) in [
            ("Port-au-Prince", "port au prince"),
            ("Genève", "GENEVE"),
            ("Samarra'", "Samarra"),
            ("N'Djamena", "Ndjamena"),
            ("  São   Paulo ", "sao paulo"),
            ("Nahiyat `Atbah", "nahiyat atbah"),
            ("Zürich", "zurich"),
        ] {
            assert_eq!(normalize(a), normalize(b), "{a} vs {b}");
        }
        assert_eq!(normalize("Goma-based"), "goma based");
    }

    #[test]
    fn admin_affixes_are_stripped() {
        assert_eq!(admin_short_forms("basra governorate"), vec!["basra"]);
        assert_eq!(admin_short_forms("muhafazat kirkuk"), vec!["kirkuk"]);
        assert_eq!(admin_short_forms("province of herat"), vec!["herat"]);
        assert!(admin_short_forms("sindh").is_empty());
    }

    #[test]
    fn arabic_article() {
        assert_eq!(without_arabic_article("al fallujah"), Some("fallujah"));
        assert_eq!(without_arabic_article("alabama"), None);
        assert_eq!(without_arabic_article("al ai"), None);
    }

    #[test]
    fn hash_is_incremental() {
        let whole = key_hash("port au prince");
        let mut h = fnv_update(FNV_OFFSET, b"port");
        h = fnv_update(h, b" ");
        h = fnv_update(h, b"au prince");
        assert_eq!(whole, h);
    }
}
