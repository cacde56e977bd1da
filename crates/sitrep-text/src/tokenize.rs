use sitrep_core::{Span, Token, TokenKind};

/// Split `text[span]` into tokens, appending to `out`. Words keep inner apostrophes,
/// hyphens and dots ("al-Burhan", "U.S.", "don't"); numbers keep inner "," and ".".
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    end = span.start + j + d.len_utf8();
                    iter.next();
                } else if matches!(d, '\'' | '’' | '-' | '.') {
                    // keep joiners only when a letter follows ("U.S.": the final dot is kept
                    // when the previous char is a single capital after a dot)
                    let after = &s[j + d.len_utf8()..];
                    let next = after.chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        end = span.start + j + d.len_utf8();
                        iter.next();
                    } else if d == '.' && is_initialism(&text[start..span.start + j]) {
                        end = span.start + j + 1;
                        iter.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while let Some(&(j, d)) = iter.peek() {
                if d.is_ascii_digit() || d.is_alphabetic() {
                    end = span.start + j + d.len_utf8();
                    iter.next();
                } else if matches!(d, ',' | '.')
                    && s[j + 1..].chars().next().is_some_and(|n| n.is_ascii_digit())
                {
                    end = span.start + j + 1;
                    iter.next();
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_ascii_punctuation() || matches!(c, '—' | '–' | '“' | '”' | '‘' | '’' | '…') {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token { span: Span::new(start, end), kind, cap: c.is_uppercase() });
    }
}

/// "U.S" / "U.N" / "e.g": single letters separated by dots.
fn is_initialism(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        v.iter().map(|t| t.span.of(s)).collect()
    }
    #[test]
    fn words_numbers_punct() {
        assert_eq!(toks("U.S. troops killed 1,200 al-Shabaab fighters."), vec!["U.S.", "troops", "killed", "1,200", "al-Shabaab", "fighters", "."]);
        assert_eq!(toks("\"We won't,\" he said"), vec!["\"", "We", "won't", ",", "\"", "he", "said"]);
        assert_eq!(toks("Goma-based — 3.5 km"), vec!["Goma-based", "—", "3.5", "km"]);
    }
}
