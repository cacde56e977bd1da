//! Page-furniture removal: split the text into lines, drop the lines that are boilerplate
//! rather than report, find the wire dateline, and group the kept lines into blocks.
//!
//! Nothing is deleted: dropped lines go to `Doc::dropped` with the id of the rule that
//! dropped them, and `Doc::blocks` lists the spans that later stages read.
//!
//! The rules are conservative. Every rule looks only at short lines (a line longer than
//! [`MAX_FURNITURE_BYTES`] is never dropped, so a whole article on one line is safe), most
//! match only at the start of a line, and the rules that match a phrase anywhere in a line
//! (cookie notices, sign-up prompts) stand down when the line reads like reporting
//! ("…, the army said").

use crate::dateline::detect_dateline;
use aho_corasick::{AhoCorasick, MatchKind};
use sitrep_core::{Doc, Layer, Span, Stage};
use std::collections::HashSet;

/// Lines longer than this are never furniture: boilerplate is short.
pub const MAX_FURNITURE_BYTES: usize = 500;
/// A line at most this long that repeats an earlier line is dropped as a repeat.
const MAX_REPEAT_BYTES: usize = 120;
/// A line with a reporting cue and at least this many words is kept by phrase rules.
const REPORTING_MIN_WORDS: usize = 8;
/// Datelines are looked for in the first few kept lines (a title or byline may come first).
const DATELINE_LINES: usize = 3;

/// Rule ids, as they appear in `Doc::dropped` and in `--explain` output.
pub mod rule {
    pub const PHOTO_CREDIT: &str = "clean.photo_credit";
    pub const RELATED: &str = "clean.related";
    /// A headline-like line right under a related-links heading: a link, not report.
    pub const RELATED_LIST: &str = "clean.related_list";
    pub const PROMO: &str = "clean.promo";
    pub const SHARE: &str = "clean.share";
    pub const ADVERT: &str = "clean.advert";
    pub const COOKIE: &str = "clean.cookie";
    pub const COPYRIGHT: &str = "clean.copyright";
    pub const REPEAT: &str = "clean.repeat";
    pub const CREDITS: &str = "clean.credits";
    pub const BYLINE: &str = "clean.byline";
    pub const TIMESTAMP: &str = "clean.timestamp";
    pub const NAV: &str = "clean.nav";
}

/// What a phrase found inside a line suggests. Rules combine these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Cue {
    Photo,
    Cookie,
    CookieAction,
    Newsletter,
    SignUp,
    FollowUs,
    CallToAction,
    Rights,
    ContinueBelow,
    Reporting,
}

/// Phrases looked for anywhere in a lower-cased line.
const CUES: &[(&str, Cue)] = &[
    ("(ap photo", Cue::Photo),
    ("ap photo/", Cue::Photo),
    ("(afp photo", Cue::Photo),
    ("(reuters photo", Cue::Photo),
    ("afp via getty", Cue::Photo),
    ("getty images", Cue::Photo),
    ("(photo:", Cue::Photo),
    ("(photo by", Cue::Photo),
    ("(photo credit", Cue::Photo),
    ("photo credit:", Cue::Photo),
    ("(file photo", Cue::Photo),
    ("(credit:", Cue::Photo),
    ("(image:", Cue::Photo),
    ("(picture:", Cue::Photo),
    ("epa-efe/", Cue::Photo),
    ("shutterstock", Cue::Photo),
    ("cookie", Cue::Cookie),
    ("we use", Cue::CookieAction),
    ("this site uses", Cue::CookieAction),
    ("this website uses", Cue::CookieAction),
    ("accept", Cue::CookieAction),
    ("consent", Cue::CookieAction),
    ("privacy policy", Cue::CookieAction),
    ("by continuing", Cue::CookieAction),
    ("your browser", Cue::CookieAction),
    ("newsletter", Cue::Newsletter),
    ("sign up", Cue::SignUp),
    ("sign-up", Cue::SignUp),
    ("signup", Cue::SignUp),
    ("subscribe", Cue::SignUp),
    ("inbox", Cue::SignUp),
    ("register", Cue::SignUp),
    ("get our", Cue::SignUp),
    ("delivered to", Cue::SignUp),
    ("email address", Cue::SignUp),
    ("follow us on", Cue::FollowUs),
    ("follow us @", Cue::FollowUs),
    ("like us on facebook", Cue::FollowUs),
    ("join our whatsapp", Cue::FollowUs),
    ("join our telegram", Cue::FollowUs),
    ("whatsapp channel", Cue::FollowUs),
    ("telegram channel", Cue::FollowUs),
    ("on google news", Cue::FollowUs),
    ("watch on your tv", Cue::CallToAction),
    ("download the app", Cue::CallToAction),
    ("download our app", Cue::CallToAction),
    ("get the app", Cue::CallToAction),
    ("click here", Cue::CallToAction),
    ("tap here", Cue::CallToAction),
    ("listen to this article", Cue::CallToAction),
    ("listen to this story", Cue::CallToAction),
    ("all rights reserved", Cue::Rights),
    ("may not be published, broadcast", Cue::Rights),
    ("may not be reproduced", Cue::Rights),
    ("rewritten or redistributed", Cue::Rights),
    ("continues below", Cue::ContinueBelow),
    ("continue reading", Cue::ContinueBelow),
    (" said", Cue::Reporting),
    (" says", Cue::Reporting),
    (" told ", Cue::Reporting),
    (" reported", Cue::Reporting),
    ("according to", Cue::Reporting),
    (" killed", Cue::Reporting),
    (" wounded", Cue::Reporting),
    (" attacked", Cue::Reporting),
    (" claimed", Cue::Reporting),
];

/// Line openings that mark a photo caption or credit.
const PHOTO_PREFIXES: &[&str] = &[
    "photo:", "photos:", "photo by", "photograph:", "photograph by", "photo credit", "image:",
    "image by", "image credit", "image source", "picture:", "pictured:", "file photo",
    "file picture", "file image", "caption:", "credit:", "credits:", "slideshow",
];

/// Line openings that introduce links to other stories.
const RELATED_PREFIXES: &[&str] = &[
    "related news", "related stories", "related story", "related articles", "related article",
    "related content", "related coverage", "related topics", "related links", "related reading",
    "related video", "read more", "read also", "also read", "read next", "read the full",
    "see also", "more on this", "more from", "you may also like", "you might also like",
    "you may be interested", "you might be interested", "most read", "most popular",
    "most viewed", "trending now", "editor's picks", "editors' picks", "top stories",
    "latest stories", "more stories", "recommended stories", "recommended for you",
    "recommended videos", "more news", "more like this", "don't miss", "must read",
];

/// Single words that head a related-links list, only when alone or followed by ':' etc.
const RELATED_HEADINGS: &[&str] = &["related", "recommended", "trending", "more", "latest", "popular"];

/// Line openings of sign-up and follow prompts.
const PROMO_PREFIXES: &[&str] = &[
    "sign up", "subscribe", "register now", "get the latest", "get breaking", "stay informed",
    "stay up to date", "never miss", "watch live", "watch:", "watch now", "watch the video",
    "watch video", "follow us", "follow @", "join us on",
];

/// Openings and endings of credit lines ("Reporting by …; Editing by …").
const CREDIT_PREFIXES: &[&str] = &[
    "reporting by", "additional reporting by", "additional reporting from", "writing by",
    "written by", "editing by", "edited by", "compiled by", "our standards:", "(reporting by",
    "(writing by", "(editing by", "(additional reporting",
];
const CREDIT_SUFFIXES: &[&str] =
    &["contributed to this report.", "contributed to this report", "contributed reporting.", "contributed reporting"];

/// Whole lines that are page labels, buttons or navigation.
const NAV_LABELS: &[&str] = &[
    "image", "images", "video", "videos", "photo", "photos", "audio", "listen", "play", "watch",
    "gallery", "close", "menu", "skip to content", "skip to main content", "home", "search",
    "loading", "share", "print", "email", "comments", "comment", "view comments",
    "show comments", "back to top", "top", "next", "previous", "next article",
    "previous article", "open in app", "log in", "login", "sign in", "register", "subscribe",
    "toggle navigation", "expand", "collapse", "enlarge", "enlarge this image", "zoom",
    "full screen", "fullscreen", "copy link", "link copied", "save", "bookmark",
    "listen to this article", "play video", "watch video", "close dialog", "click to enlarge",
];

/// Whole lines that announce advertising.
const ADVERT_LABELS: &[&str] = &[
    "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
    "sponsored content", "promoted", "promoted content", "paid content", "paid post",
    "partner content", "skip advertisement", "scroll to continue with content", "remove ads",
    "ad feedback",
];

/// Words a share bar is made of.
const SHARE_WORDS: &[&str] = &[
    "share", "shares", "sharing", "this", "article", "story", "page", "post", "on", "via",
    "with", "the", "your", "friends", "facebook", "twitter", "x", "whatsapp", "email", "e",
    "mail", "telegram", "linkedin", "reddit", "pinterest", "print", "copy", "copied", "link",
    "url", "tweet", "messenger", "flipboard", "pocket", "tumblr", "viber", "sms", "vk", "weibo",
    "wechat", "threads", "bluesky", "mastodon", "comments", "comment", "save", "bookmark", "or",
];
/// At least one of these must be in a share bar.
const SHARE_MARKERS: &[&str] = &[
    "share", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "reddit", "pinterest",
    "tweet", "messenger", "flipboard",
];

/// Words a publication timestamp line is made of ("Updated 3:45 PM GMT, May 4, 2024").
const TIMESTAMP_PREFIXES: &[&str] =
    &["published", "updated", "last updated", "posted", "first published", "modified", "last modified"];
const TIMESTAMP_WORDS: &[&str] = &[
    "on", "at", "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "et", "pt", "pst", "pdt",
    "cet", "cest", "eat", "wat", "cat", "ist", "bst", "hrs", "ago", "hour", "hours", "minute",
    "minutes", "min", "mins", "day", "days", "the", "of", "st", "nd", "rd", "th", "today",
    "yesterday", "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed",
    "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
    "sunday", "t", "z",
];

/// Drops page furniture into `Doc::dropped`, finds the dateline, and keeps the rest as
/// `Doc::blocks`. Build once; `run` allocates only per document.
#[derive(Debug, Clone)]
pub struct Cleaner {
    cues: AhoCorasick,
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new()
    }
}

impl Cleaner {
    pub fn new() -> Self {
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(CUES.iter().map(|(p, _)| p))
            .expect("the cue phrases are a small fixed list");
        Cleaner { cues }
    }

    /// The rule that makes `line` furniture, if any. `line` is trimmed; `lower` is the same
    /// line ASCII-lowercased (same byte offsets).
    pub fn furniture_rule(&self, line: &str, lower: &str) -> Option<&'static str> {
        if line.len() > MAX_FURNITURE_BYTES || line.is_empty() {
            return None;
        }
        let skip = bullet_len(line);
        let (o, l) = (&line[skip..], &lower[skip..]);
        if l.is_empty() {
            return None;
        }
        let cues = self.cues(l);
        let has = |c: Cue| cues & (1 << c as u16) != 0;
        let words = l.split_whitespace().count();
        let reporting = has(Cue::Reporting) && words >= REPORTING_MIN_WORDS;
        let label = l.trim_end_matches([':', '.', '»', '›', '>', '|', ' ']);

        if NAV_LABELS.contains(&label) {
            return Some(rule::NAV);
        }
        if ADVERT_LABELS.contains(&label)
            || (l.contains("advertisement") && l.len() <= 60)
            || (has(Cue::ContinueBelow) && l.len() <= 80)
        {
            return Some(rule::ADVERT);
        }
        if starts_with_word_any(l, PHOTO_PREFIXES)
            || (has(Cue::Photo) && l.len() <= 400)
            || (l.len() <= 300 && has_agency_photo_credit(o))
        {
            return Some(rule::PHOTO_CREDIT);
        }
        if starts_with_word_any(l, RELATED_PREFIXES) || is_heading_word(l, RELATED_HEADINGS) {
            return Some(rule::RELATED);
        }
        if l.starts_with('©')
            || starts_with_word_any(l, &["copyright"])
            || is_c_copyright(l)
            || has(Cue::Rights)
        {
            return Some(rule::COPYRIGHT);
        }
        if has(Cue::Cookie) && has(Cue::CookieAction) && !reporting {
            return Some(rule::COOKIE);
        }
        if !reporting
            && l.len() <= 250
            && (has(Cue::FollowUs)
                || has(Cue::CallToAction)
                || (has(Cue::Newsletter) && has(Cue::SignUp))
                || starts_with_word_any(l, PROMO_PREFIXES))
        {
            return Some(rule::PROMO);
        }
        if l.len() <= 150 && is_share_bar(l) {
            return Some(rule::SHARE);
        }
        if l.len() <= 300
            && (starts_with_word_any(l, CREDIT_PREFIXES) || CREDIT_SUFFIXES.iter().any(|s| l.ends_with(s)))
        {
            return Some(rule::CREDITS);
        }
        if is_byline(o) {
            return Some(rule::BYLINE);
        }
        if l.len() <= 100 && is_timestamp(l) {
            return Some(rule::TIMESTAMP);
        }
        None
    }

    /// Bit set of the cues found in a lower-cased line.
    fn cues(&self, l: &str) -> u16 {
        let mut bits = 0u16;
        for m in self.cues.find_overlapping_iter(l) {
            bits |= 1 << CUES[m.pattern().as_usize()].1 as u16;
        }
        bits
    }
}

impl Stage for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Blocks]
    }
    fn run(&self, doc: &mut Doc) {
        let plan = self.plan(doc);
        for (span, rule_id) in &plan.dropped {
            doc.trace("clean", Some(*span), || format!("dropped line as {rule_id}"));
        }
        doc.dropped = plan.dropped.into_iter().map(|(s, r)| (s, r.to_string())).collect();
        if let Some(dl) = plan.dateline {
            doc.trace("clean", Some(dl.span), || {
                format!("dateline place={:?} agency={:?}", dl.place, dl.agency)
            });
            doc.article.dateline = Some(dl);
        }
        if plan.wrapped {
            doc.trace("clean", None, || "hard-wrapped text: lines joined into paragraphs".to_string());
        }
        doc.blocks = plan.blocks;
    }
}

/// One physical line: its trimmed span, indentation, and whether a blank line precedes it.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    indent: usize,
    /// Trimmed length plus indentation: the column the line reaches.
    width: usize,
    after_gap: bool,
}

/// What the cleaner decided for one document, before it is written into the `Doc`.
struct Plan {
    dropped: Vec<(Span, &'static str)>,
    dateline: Option<sitrep_core::Dateline>,
    blocks: Vec<Span>,
    wrapped: bool,
}

impl Cleaner {
    fn plan(&self, doc: &Doc) -> Plan {
        let text = doc.article.text.as_str();
        let lower = doc.lower.as_str();
        let lines = split_lines(text);
        let wrapped = is_hard_wrapped(text, &lines);

        // 1. Furniture. In hard-wrapped text a line that continues the previous line's
        // sentence is never furniture ("… A MILITANT WAS KILLED\nBY EMBASSY GUARDS").
        let mut dropped = Vec::new();
        let mut kept: Vec<(Line, bool)> = Vec::with_capacity(lines.len());
        let mut seen: HashSet<&str> = HashSet::new();
        let mut gap_pending = false;
        // Set after a related-links line: the headline-like lines that follow are its links.
        let mut in_related_list = false;
        for (k, &line) in lines.iter().enumerate() {
            let s = line.span.of(text);
            let l = &lower[line.span.start..line.span.end];
            let continues = wrapped && k > 0 && !line.after_gap && !ends_sentence(lines[k - 1].span.of(text));
            if continues {
                let gap = line.after_gap || gap_pending;
                kept.push((Line { after_gap: gap, ..line }, false));
                gap_pending = false;
                continue;
            }
            let mut rule_id = self.furniture_rule(s, l);
            if rule_id.is_none() && in_related_list && is_link_like(s) {
                rule_id = Some(rule::RELATED_LIST);
            }
            in_related_list = matches!(rule_id, Some(r) if r == rule::RELATED || r == rule::RELATED_LIST);
            if rule_id.is_none() && s.len() <= MAX_REPEAT_BYTES && !seen.insert(s) {
                rule_id = Some(rule::REPEAT);
            } else if rule_id.is_some() && s.len() <= MAX_REPEAT_BYTES {
                seen.insert(s);
            }
            match rule_id {
                Some(r) => {
                    dropped.push((line.span, r));
                    gap_pending = true;
                }
                None => {
                    let gap = line.after_gap || gap_pending;
                    kept.push((Line { after_gap: gap, ..line }, false));
                    gap_pending = false;
                }
            }
        }

        // 2. Dateline: the ingest reader may have set one; else look in the first lines.
        let mut dateline = None;
        let mut starts: Vec<usize> = kept.iter().map(|(l, _)| l.span.start).collect();
        match &doc.article.dateline {
            Some(given) => {
                if let Some(k) = kept.iter().position(|(l, _)| l.span.start <= given.span.end && given.span.end <= l.span.end) {
                    starts[k] = skip_ws(text, given.span.end, kept[k].0.span.end);
                    kept[k].1 = true;
                }
            }
            None => {
                for k in 0..kept.len().min(DATELINE_LINES) {
                    let line = kept[k].0.span;
                    if let Some(mut dl) = detect_dateline(line.of(text)) {
                        dl.span = Span::new(dl.span.start + line.start, dl.span.end + line.start);
                        starts[k] = skip_ws(text, dl.span.end, line.end);
                        kept[k].1 = true;
                        dateline = Some(dl);
                        break;
                    }
                }
            }
        }

        // 3. Blocks: one per line, or paragraphs when the text is hard-wrapped.
        let max_width = kept.iter().map(|(l, _)| l.width).max().unwrap_or(0);
        let mut blocks: Vec<Span> = Vec::with_capacity(kept.len());
        let mut prev: Option<Line> = None;
        for (k, (line, forced_break)) in kept.iter().enumerate() {
            let start = starts[k];
            let joins = wrapped
                && !forced_break
                && !line.after_gap
                && prev.is_some_and(|p| {
                    line.indent <= p.indent
                        && !(ends_sentence(p.span.of(text)) && p.width * 4 < max_width * 3)
                })
                && !blocks.is_empty();
            if start >= line.span.end {
                // The whole line was the dateline.
                prev = None;
                continue;
            }
            if joins {
                if let Some(last) = blocks.last_mut() {
                    last.end = line.span.end;
                }
            } else {
                blocks.push(Span::new(start, line.span.end));
            }
            prev = Some(*line);
        }
        Plan { dropped, dateline, blocks, wrapped }
    }
}

/// A short line without final punctuation: how links under a "Related" heading look.
fn is_link_like(line: &str) -> bool {
    !ends_sentence(line) && line.split_whitespace().count() <= 20
}

/// Split into lines on "\n", "\r\n" or "\r". Blank lines only set `after_gap` on the next.
fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut gap = false;
    let mut i = 0;
    let push = |s: usize, e: usize, gap: &mut bool, lines: &mut Vec<Line>| {
        let raw = &text[s..e];
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.chars().all(|c| c.is_whitespace() || c.is_control()) {
            *gap = true;
            return;
        }
        let lead = raw.len() - raw.trim_start().len();
        let indent = raw[..lead].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        let ts = s + lead;
        lines.push(Line {
            span: Span::new(ts, ts + trimmed.len()),
            indent,
            width: indent + trimmed.chars().count(),
            after_gap: *gap,
        });
        *gap = false;
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(start, i, &mut gap, &mut lines);
                i += 1;
                start = i;
            }
            b'\r' => {
                push(start, i, &mut gap, &mut lines);
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    push(start, bytes.len(), &mut gap, &mut lines);
    lines
}

/// Hard-wrapped text (fixed-width wire copy, plain-text mail) has lines of similar width that
/// stop mid-sentence. Such lines are joined into paragraphs so sentences are not cut at
/// every line end. Lines of ordinary web text are whole paragraphs, much longer than a wrap
/// width, or end with punctuation.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    const MIN_LINES: usize = 4;
    const MAX_WRAP_WIDTH: usize = 110;
    let n = lines.len();
    if n < MIN_LINES {
        return false;
    }
    const MIN_WRAP_WIDTH: usize = 40;
    let max_width = lines.iter().map(|l| l.width).max().unwrap_or(0);
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&max_width) {
        return false;
    }
    let near_full = lines.iter().filter(|l| l.width * 10 >= max_width * 6).count();
    let open = lines
        .windows(2)
        .filter(|w| !w[1].after_gap && !ends_sentence(w[0].span.of(text)))
        .count();
    near_full * 10 >= n * 6 && open * 10 >= n * 3
}

/// Whether a line ends with sentence-final punctuation (possibly inside a closing quote).
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':']) && !ends_with_initialism(t)
}

/// "… THE U.S." usually goes on ("U.S. ARMY"): a line ending so does not end a paragraph.
fn ends_with_initialism(t: &str) -> bool {
    let b = t.as_bytes();
    let n = b.len();
    n >= 4 && b[n - 1] == b'.' && b[n - 2].is_ascii_alphabetic() && b[n - 3] == b'.' && b[n - 4].is_ascii_alphabetic()
}

fn skip_ws(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    from + (rest.len() - rest.trim_start().len())
}

/// Length of leading list bullets and decoration ("• ", "- ", "► ", "| ").
fn bullet_len(line: &str) -> usize {
    let rest = line.trim_start_matches(|c: char| {
        matches!(c, '•' | '·' | '*' | '-' | '–' | '—' | '►' | '▶' | '>' | '|' | '#' | '■' | '▪') || c.is_whitespace()
    });
    line.len() - rest.len()
}

/// `l` starts with one of `prefixes`, and the prefix ends at a word boundary.
fn starts_with_word_any(l: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        l.starts_with(p)
            && (p.ends_with(|c: char| !c.is_alphanumeric())
                || !l[p.len()..].starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// A one-word heading ("Related", "Trending:") alone on its line or followed by a separator.
fn is_heading_word(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        l.starts_with(w) && {
            let rest = l[w.len()..].trim_start();
            rest.is_empty() || rest.starts_with([':', '|', '-', '»', '›', '–', '—'])
        }
    })
}

/// "(c) 2024 …" copyright notices.
fn is_c_copyright(l: &str) -> bool {
    l.strip_prefix("(c)").is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Agency photo credits written in capitals: "REUTERS/Thomas Mukoya", "AFP/File",
/// "Photo: John Doe/AFP".
fn has_agency_photo_credit(o: &str) -> bool {
    for mark in ["REUTERS/", "AFP/", "EPA/", "AP/", "Reuters/"] {
        if let Some(p) = o.find(mark) {
            let before_ok = p == 0 || !o[..p].ends_with(|c: char| c.is_alphanumeric());
            let after_ok = o[p + mark.len()..].starts_with(|c: char| c.is_uppercase());
            if before_ok && after_ok {
                return true;
            }
        }
    }
    ["/AFP", "/Getty", "/AP Photo", "/REUTERS", "/Reuters"].iter().any(|m| {
        o.find(m).is_some_and(|p| {
            let after = &o[p + m.len()..];
            after.is_empty() || after.starts_with([')', ' ', ']', '.', ',', ';'])
        })
    })
}

/// A line made only of share-button words: "Share this article", "Facebook Twitter Email".
fn is_share_bar(l: &str) -> bool {
    let mut any = false;
    let mut marker = false;
    for w in l.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if w.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !SHARE_WORDS.contains(&w) {
            return false;
        }
        any = true;
        marker |= SHARE_MARKERS.contains(&w);
    }
    any && marker
}

/// "By Jane Doe, Associated Press" / "BY JOHN ROE and Ann Poe in Nairobi": "By" and then
/// only capitalised words and a few connectors, short, no final full stop.
fn is_byline(o: &str) -> bool {
    const MAX_BYLINE_BYTES: usize = 100;
    let Some(rest) = o.strip_prefix("By ").or_else(|| o.strip_prefix("BY ")) else {
        return false;
    };
    if o.len() > MAX_BYLINE_BYTES || o.ends_with(['.', '!', '?']) {
        return false;
    }
    let words: Vec<&str> = rest.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    // "BY HAVING TERRORISTS TRIED …", "By Friday troops …": a sentence, not a name.
    let first = words.first().map(|w| w.to_ascii_lowercase()).unwrap_or_default();
    if first.ends_with("ing") || BYLINE_NOT_NAMES.contains(&first.as_str()) {
        return false;
    }
    if !o.chars().any(char::is_lowercase) && words.len() > MAX_CAPS_BYLINE_WORDS {
        return false;
    }
    if words.iter().any(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let mut names = 0;
    for w in words {
        if w.starts_with(char::is_uppercase) {
            names += 1;
        } else if !matches!(w, "and" | "in" | "&" | "the" | "of" | "for" | "|" | "-" | "—" | "and/or") {
            return false;
        }
    }
    (1..=12).contains(&names)
}

/// An all-caps byline ("BY JOHN ROE, ASSOCIATED PRESS") has at most this many words.
const MAX_CAPS_BYLINE_WORDS: usize = 6;
/// Words after "By" that start a phrase, not a name.
const BYLINE_NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "then", "now", "now,", "far", "all",
    "some", "most", "law", "land", "air", "sea", "road", "contrast", "comparison", "late",
    "early", "mid", "noon", "midnight", "tonight", "today", "tomorrow", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// "Updated 3:45 PM GMT, May 4, 2024", "Published: 4 May 2024": a timestamp word, then
/// only date and time words and numbers.
fn is_timestamp(l: &str) -> bool {
    let Some(prefix) = TIMESTAMP_PREFIXES.iter().filter(|p| l.starts_with(**p)).max_by_key(|p| p.len()) else {
        return false;
    };
    let rest = &l[prefix.len()..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) || !rest.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || TIMESTAMP_WORDS.contains(&w) || is_time_token(w))
}

/// "3pm", "10am", "12th", "2024t10": digits with a short unit or ordinal tail.
fn is_time_token(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "am" | "pm" | "st" | "nd" | "rd" | "th" | "h" | "hrs" | "t" | "z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::Article;

    fn rule_of(line: &str) -> Option<&'static str> {
        let c = Cleaner::new();
        c.furniture_rule(line, &line.to_ascii_lowercase())
    }

    fn clean(text: &str) -> Doc {
        let mut doc = Doc::new(Article::new("t", text));
        doc.explain = true;
        Cleaner::new().run(&mut doc);
        doc
    }

    fn block_texts(doc: &Doc) -> Vec<&str> {
        doc.blocks.iter().map(|b| doc.slice(*b)).collect()
    }

    #[test]
    fn furniture_lines_are_recognised() {
        let cases: &[(&str, &str)] = &[
            ("Photo: Jane Doe/AFP", rule::PHOTO_CREDIT),
            ("Soldiers patrol a market in Goma on May 3. (AP Photo/Moses Sawasawa)", rule::PHOTO_CREDIT),
            ("Rescuers search the rubble in Aleppo. REUTERS/Omar Sanadiki", rule::PHOTO_CREDIT),
            ("A displaced family outside Khartoum. AFP via Getty Images", rule::PHOTO_CREDIT),
            ("File photo: troops in Mogadishu", rule::PHOTO_CREDIT),
            ("Getty Images", rule::PHOTO_CREDIT),
            ("Slideshow (2 Images)", rule::PHOTO_CREDIT),
            ("Related News", rule::RELATED),
            ("Related: Rebels seize second town in eastern Congo", rule::RELATED),
            ("Read more: Why the truce collapsed", rule::RELATED),
            ("Also read | Ceasefire talks stall", rule::RELATED),
            ("Recommended", rule::RELATED),
            ("• Read more about the crisis", rule::RELATED),
            ("Sign up for our daily briefing newsletter", rule::PROMO),
            ("Subscribe to our newsletter to get the news in your inbox.", rule::PROMO),
            ("Follow us on Twitter and Facebook", rule::PROMO),
            ("Watch on your TV: stream our channel live", rule::PROMO),
            ("Join our WhatsApp channel for updates", rule::PROMO),
            ("Share this article", rule::SHARE),
            ("Facebook Twitter WhatsApp Email", rule::SHARE),
            ("Share on Facebook | Share on X | Copy link", rule::SHARE),
            ("Advertisement", rule::ADVERT),
            ("ADVERTISEMENT", rule::ADVERT),
            ("Story continues below advertisement", rule::ADVERT),
            ("We use cookies to improve your experience. By continuing you accept our policy.", rule::COOKIE),
            ("Copyright 2024 The Associated Press. All rights reserved.", rule::COPYRIGHT),
            ("© 2024 Example Media Group", rule::COPYRIGHT),
            ("(c) 2023 Some News Ltd", rule::COPYRIGHT),
            ("This material may not be published, broadcast, rewritten or redistributed.", rule::COPYRIGHT),
            ("Reporting by Jane Doe; Editing by John Roe", rule::CREDITS),
            ("Associated Press writer Ann Poe in Nairobi contributed to this report.", rule::CREDITS),
            ("By Jane Doe, Associated Press", rule::BYLINE),
            ("BY JOHN ROE and Ann Poe in Nairobi", rule::BYLINE),
            ("Updated 3:45 PM GMT, May 4, 2024", rule::TIMESTAMP),
            ("Published: 4 May 2024", rule::TIMESTAMP),
            ("Skip to main content", rule::NAV),
            ("Listen", rule::NAV),
        ];
        for (line, want) in cases {
            assert_eq!(rule_of(line), Some(*want), "line: {line:?}");
        }
    }

    #[test]
    fn reporting_sentences_are_never_dropped() {
        let keep = [
            "Rebels attacked a military base near Goma on Friday, killing 12 soldiers, the army said.",
            "The photographer was among those killed when the convoy was shelled, the agency said.",
            "Police said the suspects had used the group's newsletter to recruit fighters and urged residents to sign up for militia patrols.",
            "Officials said they would follow up on reports that gunmen attacked the village.",
            "The militants seized a cookie factory and said they would not accept any ceasefire.",
            "Updated figures released overnight put the dead from the raid at 12.",
            "By Friday, troops had withdrawn from the town.",
            "Related fighting spread to three districts, according to the U.N.",
            "More than 40 people were killed in clashes in Jonglei state, officials said.",
            "Share prices fell sharply after the attack on the pipeline, traders said.",
            "Human rights groups said all detainees must be released.",
            "The army said it had regained control of the town.",
            "Read the statement aloud, the commander told reporters.",
            "Recommended measures include a curfew in the capital.",
            "Latest fighting killed 12 civilians.",
            "Photographers were beaten by police at the protest.",
            "BY SENDING THE CASE TO A CIVILIAN JUDGE THE GOVERNMENT HAS CHOSEN DELAY",
            "By Friday the rebels had left",
            "By Monday Night Football standards",
        ];
        for line in keep {
            assert_eq!(rule_of(line), None, "dropped a reporting sentence: {line:?}");
        }
    }

    #[test]
    fn long_lines_are_never_furniture() {
        let line = format!("Advertisement {}", "rebels attacked the town ".repeat(40));
        assert_eq!(rule_of(&line), None);
    }

    #[test]
    fn drops_and_records_furniture() {
        let text = "Rebels seize Goma\n\nPhoto: Jane Doe/AFP\nRebels seized the town on Friday, the army said.\nAdvertisement\nShare this article\nThe fighting displaced thousands.\n© 2024 Example Media";
        let doc = clean(text);
        assert_eq!(
            block_texts(&doc),
            vec!["Rebels seize Goma", "Rebels seized the town on Friday, the army said.", "The fighting displaced thousands."]
        );
        let rules: Vec<&str> = doc.dropped.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(rules, vec![rule::PHOTO_CREDIT, rule::ADVERT, rule::SHARE, rule::COPYRIGHT]);
        assert_eq!(doc.slice(doc.dropped[0].0), "Photo: Jane Doe/AFP");
        assert!(doc.trace.iter().any(|t| t.message.contains("clean.photo_credit")));
    }

    #[test]
    fn links_under_a_related_heading_are_dropped() {
        let doc = clean("Troops shelled the town on Monday, killing three people and wounding several others, local officials told reporters.\nRelated News\nArmy says it repelled attack on border post\nTalks stall over prisoner swap\nThe shelling continued overnight, residents said.\n");
        let rules: Vec<&str> = doc.dropped.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(rules, vec![rule::RELATED, rule::RELATED_LIST, rule::RELATED_LIST]);
        assert_eq!(block_texts(&doc), vec!["Troops shelled the town on Monday, killing three people and wounding several others, local officials told reporters.", "The shelling continued overnight, residents said."]);
    }

    #[test]
    fn repeated_short_lines_are_dropped() {
        let text = "Rebels seize Goma\nRebels seized the town on Friday.\nRebels seize Goma\nMost read\nRebels seize Goma";
        let doc = clean(text);
        assert_eq!(block_texts(&doc), vec!["Rebels seize Goma", "Rebels seized the town on Friday."]);
        let rules: Vec<&str> = doc.dropped.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(rules, vec![rule::REPEAT, rule::RELATED, rule::RELATED_LIST]);
    }

    #[test]
    fn dateline_is_found_and_cut_from_the_block() {
        let text = "GOMA, Congo (AP) — Rebels shelled the town on Friday.\nThe army said 12 people died.";
        let doc = clean(text);
        let dl = doc.article.dateline.as_ref().unwrap();
        assert_eq!(dl.place, "GOMA, Congo");
        assert_eq!(dl.agency.as_deref(), Some("AP"));
        assert_eq!(dl.span.of(text), "GOMA, Congo (AP) —");
        assert_eq!(block_texts(&doc), vec!["Rebels shelled the town on Friday.", "The army said 12 people died."]);
    }

    #[test]
    fn dateline_after_a_title_line() {
        let text = "Rebels shell Goma\nBy Jane Doe\nGOMA, Congo (AP) — Rebels shelled the town.";
        let doc = clean(text);
        assert_eq!(doc.article.dateline.as_ref().unwrap().place, "GOMA, Congo");
        assert_eq!(block_texts(&doc), vec!["Rebels shell Goma", "Rebels shelled the town."]);
    }

    #[test]
    fn given_dateline_is_respected() {
        let text = "KHARTOUM (Reuters) - The army said it shelled the city.";
        let mut doc = Doc::new(Article::new("t", text));
        doc.article.dateline = Some(sitrep_core::Dateline {
            place: "KHARTOUM".into(),
            agency: Some("Reuters".into()),
            span: Span::new(0, 20),
        });
        Cleaner::new().run(&mut doc);
        assert_eq!(block_texts(&doc), vec!["The army said it shelled the city."]);
        assert_eq!(doc.article.dateline.as_ref().unwrap().place, "KHARTOUM");
    }

    #[test]
    fn dateline_alone_on_its_line() {
        let doc = clean("NAIROBI, Kenya —\nPolice fired tear gas at protesters.");
        assert_eq!(doc.article.dateline.as_ref().unwrap().place, "NAIROBI, Kenya");
        assert_eq!(block_texts(&doc), vec!["Police fired tear gas at protesters."]);
    }

    #[test]
    fn crlf_and_lone_cr() {
        let doc = clean("First line.\r\nSecond line.\r\n\r\nThird.\rFourth.");
        assert_eq!(block_texts(&doc), vec!["First line.", "Second line.", "Third.", "Fourth."]);
    }

    #[test]
    fn hard_wrapped_text_is_joined_into_paragraphs() {
        let text = "THE ARMY\nDENIED TODAY THAT GUERRILLAS ATTACKED THE PRESIDENTIAL FARM, LOCATED\nON THE PACIFIC SIDE, WHERE THE PRESIDENT HAS BEEN STAYING SINCE\n2 FEBRUARY.\n\n   A REPORT PUBLISHED BY A NEWS AGENCY SAYS THAT A GUERRILLA COLUMN\nATTACKED THE FARM 2 DAYS AGO AND BURNED SEVERAL BUILDINGS NEAR THE\nMAIN ROAD.\n\n   HE ADDED THAT THE PRESIDENT MET WITH THE DIPLOMATIC CORPS.";
        let doc = clean(text);
        assert!(doc.trace.iter().any(|t| t.message.contains("hard-wrapped")));
        let blocks = block_texts(&doc);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks[0].starts_with("THE ARMY\nDENIED") && blocks[0].ends_with("2 FEBRUARY."));
        assert!(blocks[1].starts_with("A REPORT") && blocks[1].ends_with("MAIN ROAD."));
        assert!(doc.dropped.is_empty());
    }

    #[test]
    fn wrapped_continuation_lines_are_not_furniture() {
        let text = "LAST WINTER A LOCAL FARMER WAS SHOT AND KILLED AT A CHECKPOINT\nBY EMBASSY GUARDS POSTED ON THE RING ROAD, WHILE HIS TWO SONS WERE\nHURT BY STRAY ROUNDS FIRED FROM A WATCHTOWER BESIDE THE EASTERN\nGATE OF THE OLD MARKET.\n\n   THE POLICE SAID THE GUARDS ACTED IN SELF-DEFENSE AND THAT THE\nCASE WAS CLOSED.";
        let doc = clean(text);
        assert!(doc.dropped.is_empty(), "{:?}", doc.dropped);
        assert_eq!(doc.blocks.len(), 2);
        // Not wrapped text: the same line alone is a byline.
        assert_eq!(rule_of("BY EMBASSY GUARDS"), Some(rule::BYLINE));
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped() {
        let text = "Rebels attacked a base.\nThe army said 12 died.\nPolice arrived later.\nResidents fled.\nAid was cut.";
        let doc = clean(text);
        assert_eq!(doc.blocks.len(), 5);
    }

    #[test]
    fn bad_input() {
        assert!(clean("").blocks.is_empty());
        assert!(clean(" \n\t\r\n  ").blocks.is_empty());
        let only_furniture = "Advertisement\nShare this article\nRead more\n© 2024 Example";
        let doc = clean(only_furniture);
        assert!(doc.blocks.is_empty());
        assert_eq!(doc.dropped.len(), 4);
        let garbage = "\u{0}\u{1}\u{2}\n\u{7f}\u{fffd}\u{fffd}ab\u{0}c\n";
        let doc = clean(garbage);
        for b in &doc.blocks {
            assert!(garbage.is_char_boundary(b.start) && garbage.is_char_boundary(b.end));
        }
        let non_ascii = "Bogotá — Ελλάδα\nКиїв: обстріл тривав.\n北京\n";
        let doc = clean(non_ascii);
        assert_eq!(doc.blocks.len(), 3);
        for b in &doc.blocks {
            assert!(non_ascii.is_char_boundary(b.start) && non_ascii.is_char_boundary(b.end));
        }
    }
}
