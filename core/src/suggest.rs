//! Did-you-mean hints: the edit distance between two names, and the known
//! name nearest to one that was not found. One rule for options, scopes,
//! parameters and the command line's endpoint names.

/// Levenshtein distance between `a` and `b`, in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Of `known`, the one nearest to `name` (case-insensitive), when it is
/// within `within(name's length)` edits: near enough to be a typo.
pub fn closest<'a, S: AsRef<str> + ?Sized>(
    name: &str,
    known: impl IntoIterator<Item = &'a S>,
    within: impl Fn(usize) -> usize,
) -> Option<&'a S> {
    let wanted = name.to_lowercase();
    let (best, d) = known
        .into_iter()
        .map(|k| (k, distance(&wanted, &k.as_ref().to_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    (d <= within(wanted.chars().count())).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn closest_is_case_insensitive_and_bounded() {
        let known = ["timeout", "retries", "proxy"];
        assert_eq!(
            closest("Timeot", known.iter().copied(), |n| n / 3),
            Some("timeout")
        );
        assert_eq!(closest("zzzzzz", known.iter().copied(), |n| n / 3), None);
    }
}
