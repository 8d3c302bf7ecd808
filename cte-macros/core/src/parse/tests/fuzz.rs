//! Mangled and random input: parsing may fail but must never panic.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

use super::*;

/// Every prefix and every one-token deletion of the accepted inputs, and every token swapped
/// for a few troublemakers: parsing may fail but must never panic.
#[test]
fn never_panics_on_mangled_input() {
    let junk: Vec<TokenTree> = flat(
        quote!(( ) {} 'x . * , SELECT WITH r#x 'a' 1u8 ; NOT - | "s" 1.5 (1) (SELECT 1) ("x")),
    );
    for input in accepted() {
        let tokens = flat(input);
        for cut in 0..tokens.len() {
            let _ = parse(tokens[..cut].iter().cloned().collect());
            let mut without = tokens.clone();
            without.remove(cut);
            let _ = parse(without.into_iter().collect());
            for j in &junk {
                let mut swapped = tokens.clone();
                swapped[cut] = j.clone();
                let _ = parse(swapped.into_iter().collect());
            }
        }
    }
}

/// Random token soup from the DSL's own vocabulary: parsing may fail but must never panic.
#[test]
fn never_panics_on_random_tokens() {
    let vocab: Vec<TokenTree> = flat(quote!(
        SELECT WITH RECURSIVE AS FROM WHERE GROUP BY HAVING ORDER LIMIT OFFSET UNION ALL
        INTERSECT EXCEPT JOIN LEFT CROSS LATERAL ON USING NOT AND OR IS NULL IN BETWEEN LIKE
        EXISTS CASE WHEN THEN ELSE END CAST OVER PARTITION ROWS PRECEDING CURRENT ROW SEARCH
        DEPTH FIRST SET CYCLE TO DEFAULT INSERT INTO VALUES UPDATE DELETE RETURNING DISTINCT
        MATERIALIZED VARCHAR DECIMAL a t r#order 1 1.5 "s" 'c' 'l 1u8 b"x"
        , . * + - / % = < > <= >= != || ; ! :: --
        () (a) (1, 2) (SELECT 1) {x} {} [1]
    ));
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..20_000 {
        let len = next(24);
        let mut tokens: Vec<TokenTree> =
            (0..len).map(|_| vocab[next(vocab.len())].clone()).collect();
        if next(3) == 0 {
            let inner: TokenStream = tokens.drain(..len / 2).collect();
            tokens.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, inner)));
        }
        let _ = parse(tokens.into_iter().collect());
    }
}

fn flat(stream: TokenStream) -> Vec<TokenTree> {
    stream.into_iter().collect()
}
