//! Did-you-mean for a misspelled clause keyword. A word that is not a keyword may be an alias
//! written without `AS`, so `SELECT id FORM big` reads `FORM` as the alias of `id` and stops at
//! `big`. When parsing stops right after such an alias and the alias is one typo away from a
//! word that starts a clause there, the error goes on the alias with the keyword it resembles.
//! A statement that parses is never touched: `SELECT id form FROM big` keeps its alias.

use super::keyword::Kw;

/// The words that may follow a select item or a table, where a misspelling becomes an alias.
const CLAUSE_STARTS: &[Kw] = &[
    Kw::From,
    Kw::Where,
    Kw::Group,
    Kw::Having,
    Kw::Order,
    Kw::Limit,
    Kw::Offset,
    Kw::Union,
    Kw::Except,
    Kw::Intersect,
    Kw::Join,
    Kw::Inner,
    Kw::Left,
    Kw::Right,
    Kw::Full,
    Kw::Cross,
    Kw::Natural,
    Kw::On,
    Kw::Using,
    Kw::Returning,
    Kw::Window,
    Kw::Fetch,
];

/// The clause keyword `word` is a likely misspelling of, written in the case of `word`.
pub(crate) fn misspelled_keyword(word: &str) -> Option<String> {
    // Two letters are one typo away from too many names (`no`, `om`) to guess.
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let (kw, _) = CLAUSE_STARTS
        .iter()
        .filter_map(|kw| {
            let text = kw.as_str();
            // `orders` or `joins` is a name made from a keyword, not a typo of it.
            if upper.starts_with(text) {
                return None;
            }
            let distance = strsim::damerau_levenshtein(&upper, text);
            // A long keyword stays recognisable after two typos, a short one after one.
            let allowed = if text.len() >= 6 { 2 } else { 1 };
            (distance >= 1 && distance <= allowed).then_some((*kw, distance))
        })
        .min_by_key(|&(_, distance)| distance)?;
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        Some(kw.as_str().to_ascii_lowercase())
    } else {
        Some(kw.as_str().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::misspelled_keyword;
    use crate::parse::select;

    fn err(input: proc_macro2::TokenStream) -> String {
        match select(input.clone()) {
            Ok(stmt) => panic!("`{input}` parsed: {stmt:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_misspelled_keyword_read_as_an_alias_is_named() {
        for (input, word, keyword) in [
            (quote!(SELECT id FORM big), "FORM", "FROM"),
            (
                quote!(SELECT id, name form big WHERE id = 1),
                "form",
                "from",
            ),
            (quote!(SELECT id FROM big WHRE id = 1), "WHRE", "WHERE"),
            (quote!(SELECT id FROM big GROPU BY id), "GROPU", "GROUP"),
            (quote!(SELECT id FROM big ODER BY id), "ODER", "ORDER"),
            (
                quote!(SELECT x FROM (SELECT id FORM big) AS s),
                "FORM",
                "FROM",
            ),
        ] {
            let message = err(input);
            assert!(
                message.starts_with(&format!(
                    "`{word}` is read as an alias of what comes before it\n\
                     help: did you mean `{keyword}`?\nnote: expected "
                )),
                "{message}"
            );
        }
    }

    #[test]
    fn an_alias_like_a_keyword_stays_an_alias() {
        for input in [
            quote!(SELECT id form FROM big),
            quote!(SELECT id FORM),
            quote!(SELECT id AS form FROM big WHERE id = 1),
            quote!(SELECT id FROM big wehre WHERE wehre.id = 1),
            quote!(SELECT o.id FROM big oder JOIN big o ON o.id = oder.id),
        ] {
            if let Err(e) = select(input.clone()) {
                panic!("`{input}` did not parse: {e}");
            }
        }
    }

    #[test]
    fn other_syntax_errors_keep_their_message() {
        // `big` is read as an alias, but it is no keyword's typo.
        let message = err(quote!(SELECT id big t));
        assert!(
            message.starts_with("expected end of input, found `t`"),
            "{message}"
        );
    }

    #[test]
    fn typos_of_clause_keywords_are_found() {
        for (word, kw) in [
            ("FORM", "FROM"),
            ("form", "from"),
            ("Form", "FROM"),
            ("WHRE", "WHERE"),
            ("wehre", "where"),
            ("GROPU", "GROUP"),
            ("ODER", "ORDER"),
            ("LIMT", "LIMIT"),
            ("OFSET", "OFFSET"),
            ("HAIVNG", "HAVING"),
            ("JION", "JOIN"),
        ] {
            assert_eq!(misspelled_keyword(word).as_deref(), Some(kw), "{word}");
        }
    }

    #[test]
    fn names_far_from_keywords_are_not() {
        for word in [
            "big", "id", "no", "name", "total", "t2", "orders", "joins", "fromage", "form_id",
        ] {
            assert_eq!(misspelled_keyword(word), None, "{word}");
        }
    }
}
